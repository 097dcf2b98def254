package netwarden.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import netwarden.decode.flow.FlowDecodeException;

/**
 * {@link FlowDecodeBench}'s work timed by the thread's CPU time instead of the wall clock: records
 * per CPU-second is "per core" even when other processes share the cores (JMH's wall-clock score
 * then falls with the load). Args: seconds of warm-up, seconds measured (defaults 5 and 10).
 */
public final class FlowDecodeCpu {
    private FlowDecodeCpu() {}

    public static void main(String[] args) throws FlowDecodeException {
        double warm = args.length > 0 ? Double.parseDouble(args[0]) : 5, measure = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        FlowDecodeBench b = new FlowDecodeBench();
        b.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String kind : new String[] {"netflow9", "ipfix"}) {
            run(b, kind, mx, warm);
            long records = 0, cpu0 = mx.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
            long cpu = 0;
            while (cpu < measure * 1e9) {
                for (int i = 0; i < 1000; i++) records += one(b, kind);
                cpu = mx.getCurrentThreadCpuTime() - cpu0;
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf("%-8s %,d records in %.2f CPU s (%.2f wall s): %,.0f records per CPU-second%n", kind, records,
                    cpu / 1e9, wall, records / (cpu / 1e9));
        }
    }

    private static void run(FlowDecodeBench b, String kind, ThreadMXBean mx, double seconds) throws FlowDecodeException {
        long cpu0 = mx.getCurrentThreadCpuTime();
        while (mx.getCurrentThreadCpuTime() - cpu0 < seconds * 1e9) for (int i = 0; i < 1000; i++) one(b, kind);
    }

    private static int one(FlowDecodeBench b, String kind) throws FlowDecodeException {
        return (kind.equals("ipfix") ? b.ipfix() : b.netflow9()).dataRecords();
    }
}
