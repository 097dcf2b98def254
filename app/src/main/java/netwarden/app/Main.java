package netwarden.app;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import netwarden.app.config.ConfigException;
import netwarden.app.config.Durations;
import netwarden.app.config.ListenAddress;
import netwarden.app.config.ReplaySpeed;
import netwarden.server.tls.TlsConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Entry point of the runnable jar. Exit codes: {@link ExitCodes#OK} 0, {@link ExitCodes#FAILURE} 1,
 * {@link ExitCodes#USAGE} 2 (bad usage or bad config).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Charset charset = System.out.charset();
        int code = execute(CliContext.system(), new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, System.err.charset()), args);
        System.exit(code);
    }

    /** Runs the command line in-process with the given environment and streams; returns the exit code. */
    public static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(context, args);
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured picocli command line with every subcommand (converters, exit codes, error handling). */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, NetwardenCommand.SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: when the first one names a subcommand, only that one is
     * built (help, bad usage and top-level options get the whole tree).
     */
    static CommandLine commandLine(CliContext context, String... args) {
        if (args.length > 0) {
            for (Class<?> type : NetwardenCommand.SUBCOMMANDS) {
                if (type != HelpCommand.class && type.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(context, List.of(type));
                }
            }
        }
        return commandLine(context);
    }

    private static CommandLine commandLine(CliContext context, List<Class<?>> subcommands) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cl = new CommandLine(new NetwardenCommand(), factory);
        for (Class<?> type : subcommands) cl.addSubcommand(new CommandLine(type, factory));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(ListenAddress.class, converter(ListenAddress::parse));
        cl.registerConverter(ReplaySpeed.class, converter(ReplaySpeed::parse));
        cl.registerConverter(Duration.class, converter(Durations::parse));
        cl.setExecutionExceptionHandler(Main::failure);
        setExitCodes(cl);
        return cl;
    }

    /** Exit codes, and the version for every command's own --version (picocli gives it only where a provider is set). */
    private static void setExitCodes(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cl.getCommandSpec().exitCodeOnExecutionException(ExitCodes.FAILURE);
        if (cl.getCommandSpec().versionProvider() == null) cl.getCommandSpec().versionProvider(new VersionProvider());
        cl.getSubcommands().values().forEach(Main::setExitCodes);
    }

    private static <T> ITypeConverter<T> converter(java.util.function.Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }

    /** Known failures print one clear line; anything else also prints the stack trace when NETWARDEN_DEBUG is set. */
    private static int failure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String command = cl.getCommandSpec().qualifiedName();
        switch (e) {
            case ConfigException c -> {
                err.println(c.getMessage());
                return ExitCodes.USAGE;
            }
            case TlsConfigException t -> { // the web config or its TLS files: FILE[:LINE:COLUMN]: what
                err.println(command + ": " + t.getMessage());
                return ExitCodes.USAGE;
            }
            case UsageException u -> {
                err.println(command + ": " + u.getMessage());
                err.println("Try '" + command + " --help'.");
                return ExitCodes.USAGE;
            }
            default -> {
                err.println(command + ": error: " + describe(e));
                if (System.getenv("NETWARDEN_DEBUG") != null) e.printStackTrace(err);
                return ExitCodes.FAILURE;
            }
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Gives commands that want it the {@link CliContext} through their constructor. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> c = type.getDeclaredConstructor(CliContext.class);
                return c.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
