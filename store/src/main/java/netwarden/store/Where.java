package netwarden.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from optional filters, with its parameters in order. */
final class Where {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Where and(String clause, Object... values) {
        sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(clause);
        params.addAll(List.of(values));
        return this;
    }

    Where andIf(boolean when, String clause, Object... values) {
        return when ? and(clause, values) : this;
    }

    /** An address or prefix on {@code <p>addr_hi, <p>addr_lo}: prefixes never split both halves. */
    Where address(String p, AddressKey.Range r) {
        AddressKey a = r.first(), b = r.last();
        if (a.hi() == b.hi()) return and("(" + p + "addr_hi = ? AND " + p + "addr_lo BETWEEN ? AND ?)", a.hi(), a.lo(), b.lo());
        return and(p + "addr_hi BETWEEN ? AND ?", a.hi(), b.hi());
    }

    List<Object> params() {
        return List.copyOf(params);
    }

    String sql() {
        return sql.toString();
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object o : params) ps.setObject(i++, o);
        return i;
    }
}
