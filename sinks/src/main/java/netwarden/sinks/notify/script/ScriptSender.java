package netwarden.sinks.notify.script;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prometheus.metrics.core.metrics.Counter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netwarden.sinks.notify.channel.DeliveryException;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.channel.Sender;
import netwarden.sinks.notify.config.ScriptConfig;
import netwarden.sinks.notify.render.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured program once per notice: argv as configured (no shell), the notice JSON
 * ({@link EventJson}) on stdin, NETWARDEN_* variables in the environment, stdout and stderr
 * captured (bounded) and logged at DEBUG. After the timeout the program and all its descendants
 * are killed. Exit statuses are counted in {@code netwarden_notify_script_exit_total{channel,code}}
 * (code "timeout" for a kill). Exit 0 succeeds; 75 (EX_TEMPFAIL) is retried; others fail for good.
 */
public final class ScriptSender implements Sender {
    static final int TEMPFAIL = 75;
    private static final Logger LOG = LoggerFactory.getLogger(ScriptSender.class);

    private final ScriptConfig config;
    private final EventJson json;
    private final Counter exits;

    /** @param exits counter labelled {@code channel, code}; see {@code NotifyMetrics} */
    public ScriptSender(ScriptConfig config, EventJson json, Counter exits) {
        this.config = config;
        this.json = json;
        this.exits = exits;
    }

    @Override
    public void send(Notice notice) throws DeliveryException {
        ObjectNode tree = json.tree(notice);
        byte[] stdin = tree.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(config.command());
        Map<String, String> env = pb.environment();
        env.putAll(ScriptEnvironment.of(tree));
        config.environment().forEach((k, v) -> env.put(k, v.reveal()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            exits.labelValues(config.name(), "not_started").inc();
            throw DeliveryException.permanent("cannot start " + config.command().getFirst() + ": " + e.getMessage());
        }
        BoundedCapture out = new BoundedCapture(p.getInputStream(), config.maxOutputBytes(), "netwarden-script-out");
        BoundedCapture err = new BoundedCapture(p.getErrorStream(), config.maxOutputBytes(), "netwarden-script-err");
        Thread.ofVirtual().name("netwarden-script-in").start(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the program did not read its input: that is its choice
            }
        });
        int code;
        try {
            if (!p.waitFor(config.delivery().timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(p);
                exits.labelValues(config.name(), "timeout").inc();
                log(out, err, "killed after " + config.delivery().timeout().toMillis() + " ms");
                throw DeliveryException.permanent(config.command().getFirst() + " timed out after " + config.delivery().timeout().toMillis() + " ms");
            }
            code = p.exitValue();
            exits.labelValues(config.name(), Integer.toString(code)).inc();
            log(out, err, "exit " + code);
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            throw DeliveryException.permanent("interrupted while " + config.command().getFirst() + " ran");
        }
        if (code == TEMPFAIL) throw DeliveryException.retryable(config.command().getFirst() + " asked for a retry (exit 75)", null);
        if (code != 0) throw DeliveryException.permanent(config.command().getFirst() + " exited with " + code);
    }

    private void log(BoundedCapture out, BoundedCapture err, String how) throws InterruptedException {
        String o = out.text(), e = err.text();
        if (LOG.isDebugEnabled()) LOG.debug("script channel {}: {}; stdout: {}; stderr: {}", config.name(), how, o.strip(), e.strip());
    }

    static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
