package netwarden.sources.router;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.Ip;

/**
 * The devices of the LAN, one per address inside {@link RouterConfig#lan()}: created when first
 * seen (a connection, a DNS query, a logged packet, an ARP entry), MAC filled in when one is seen,
 * named by the user.
 *
 * <p>Design notes: bounded ({@code capacity}); once full, new addresses are refused and counted
 * rather than evicting known devices (a LAN scan must not erase the inventory). Times come from
 * the callers. Synchronized; {@link #devices()} returns an immutable snapshot.
 */
public final class DeviceTable {
    private final RouterConfig config;
    private final int capacity;
    private final Map<Ip, Device> devices = new HashMap<>();
    private long refused;

    public DeviceTable(RouterConfig config, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("router.devices.capacity must be positive: " + capacity);
        this.config = config;
        this.capacity = capacity;
    }

    /** Records that {@code address} was active at {@code time}; false when it is not a LAN address or the table is full. */
    public boolean seen(Ip address, Instant time) {
        return seen(address, "", time);
    }

    /** As {@link #seen(Ip, Instant)}, also recording its MAC (ignored when empty or all zero). */
    public synchronized boolean seen(Ip address, String mac, Instant time) {
        if (!config.isLan(address.toInetAddress())) return false;
        String m = mac == null || mac.isEmpty() || mac.equals("00:00:00:00:00:00") ? "" : mac.toLowerCase(java.util.Locale.ROOT);
        Device d = devices.get(address);
        if (d == null) {
            if (devices.size() >= capacity) {
                refused++;
                return false;
            }
            devices.put(address, new Device(address, m, "", time, time));
            return true;
        }
        Instant first = time.isBefore(d.firstSeen()) ? time : d.firstSeen();
        Instant last = time.isAfter(d.lastSeen()) ? time : d.lastSeen();
        devices.put(address, new Device(address, m.isEmpty() ? d.mac() : m, d.name(), first, last));
        return true;
    }

    /** Names a known device; false when there is no device at {@code address}. */
    public synchronized boolean name(Ip address, String name) {
        Device d = devices.get(address);
        if (d == null) return false;
        if (name.length() > 100) throw new IllegalArgumentException("device name longer than 100 characters: " + name.length());
        devices.put(address, new Device(address, d.mac(), name.strip(), d.firstSeen(), d.lastSeen()));
        return true;
    }

    public synchronized Device device(Ip address) {
        return devices.get(address);
    }

    /** All devices, by address. */
    public synchronized List<Device> devices() {
        return devices.values().stream().sorted(Comparator.comparing(Device::address)).toList();
    }

    /** New addresses refused because the table was full. */
    public synchronized long refused() {
        return refused;
    }

    /**
     * Reads /proc/net/arp text: address to MAC for complete entries (flags with ATF_COM, 0x2), so
     * devices get their MAC without NFLOG.
     */
    public static Map<Ip, String> parseArp(String procNetArp) {
        var out = new HashMap<Ip, String>();
        String[] lines = procNetArp.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 6) continue;
            try {
                if ((Integer.decode(f[2]) & 0x2) == 0) continue;
                out.put(Ip.parse(f[0]), f[3].toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // a line that is not an entry: skip it
            }
        }
        return Map.copyOf(out);
    }
}
