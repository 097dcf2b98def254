package netwarden.sinks.notify.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import netwarden.model.SettingException;

/**
 * A program run once per notice (argv, no shell), with the notice as JSON on stdin and as
 * NETWARDEN_* environment variables; the place for mitigation (firewall rules, BGP announcements).
 * Exit 0 is success, 75 (EX_TEMPFAIL) asks for a retry, anything else is a failure that is not retried
 * (the program may have acted already). The run is killed, with its children, after {@code delivery.timeout}.
 *
 * @param command        program and arguments; the program must be an absolute path or on PATH
 * @param environment    extra environment variables (values treated as secrets)
 * @param maxOutputBytes stdout and stderr each kept up to this size for the debug log
 */
public record ScriptConfig(String name, List<String> command, Map<String, Secret> environment, int maxOutputBytes,
                           DeliveryConfig delivery, Boolean maskAddresses) implements ChannelConfig {
    public ScriptConfig {
        ChannelConfig.checkName("script", name);
        command = List.copyOf(command);
        if (command.isEmpty() || command.getFirst().isBlank()) throw new SettingException("command", null, "command must name a program");
        environment = Map.copyOf(environment);
        for (String k : environment.keySet())
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new SettingException("environment", k, "environment variable name is invalid: " + k);
        if (maxOutputBytes < 0 || maxOutputBytes > 16 << 20)
            throw new SettingException("max-output-bytes", maxOutputBytes, "max-output-bytes must be 0..16777216: " + maxOutputBytes);
        Objects.requireNonNull(delivery, "delivery");
    }

    public static ScriptConfig of(String name, List<String> command, Duration timeout) {
        return new ScriptConfig(name, command, Map.of(), 64 * 1024, DeliveryConfig.defaults().withTimeout(timeout), null);
    }

    @Override
    public String type() {
        return "script";
    }
}
