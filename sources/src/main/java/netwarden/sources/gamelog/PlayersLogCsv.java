package netwarden.sources.gamelog;

import java.util.regex.Pattern;

/**
 * The monitoring platform's players log (players-log.md): comma-separated, no quoting. Legacy rows have
 * 6 fields ({@code ts,server,action,name,ip[:port],hash}), v1 rows 7 (no schema column) or 8 (ending
 * {@code v1}). Rows of a later schema ({@code v2}...) may add columns after the 8th; they are read by their
 * first 8. Any other field count is a bad row (a writer that let a comma through shifts every field).
 */
final class PlayersLogCsv implements ParsedRow.Parser {
    private static final Pattern SCHEMA = Pattern.compile("v\\d+");

    @Override
    public ParsedRow parse(String line) throws GameLogException {
        String[] f = line.split(",", -1);
        int n = f.length;
        if (n < 6) throw new GameLogException(n + " fields, a row has 6 (legacy), 7 or 8 (v1)");
        if (n > 8 && f[n - 1].trim().equals("v1")) throw new GameLogException(n + " fields in a v1 row (a comma in a field?)");
        if (n >= 8) {
            String schema = f[7].trim();
            if (!SCHEMA.matcher(schema).matches()) throw new GameLogException("field 8 is not a schema version");
            if (n > 8 && schema.equals("v1")) throw new GameLogException(n + " fields in a v1 row (a comma in a field?)");
        }
        GameLogAction action = GameLogAction.parse(f[2]);
        if (action == null) return null;
        return Fields.row(Fields.timestamp(f[0]), f[1], action, f[3], f[4], f[5], n >= 7 ? f[6] : null);
    }
}
