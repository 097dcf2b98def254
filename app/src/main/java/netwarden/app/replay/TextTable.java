package netwarden.app.replay;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row, columns padded to their widest cell, numbers right-aligned. */
public final class TextTable {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = header;
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.length) throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.length);
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) r[i] = cells[i] == null ? "-" : cells[i].toString();
        rows.add(r);
        return this;
    }

    public void print(PrintWriter out, String indent) {
        if (rows.isEmpty()) {
            out.println(indent + "(none)");
            return;
        }
        int[] width = new int[header.length];
        boolean[] numeric = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            numeric[i] = !rows.isEmpty();
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
                if (!r[i].matches("-?[0-9]+(\\.[0-9]+)?|-")) numeric[i] = false; // a dotted quad is text
            }
        }
        line(out, indent, header, width, numeric);
        for (String[] r : rows) line(out, indent, r, width, numeric);
    }

    private static void line(PrintWriter out, String indent, String[] cells, int[] width, boolean[] numeric) {
        StringBuilder sb = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append("  ");
            String pad = " ".repeat(width[i] - cells[i].length());
            sb.append(numeric[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
        }
        out.println(sb.toString().stripTrailing());
    }
}
