package netwarden.sources.gamelog;

/** Entry point for {@code GameInputFuzzTest}: true when the CSV row was read, false when refused with {@link GameLogException}. */
public final class GameLogWire {
    private GameLogWire() {}

    public static boolean csv(String line) {
        try {
            new PlayersLogCsv().parse(line);
            return true;
        } catch (GameLogException e) {
            return false;
        }
    }
}
