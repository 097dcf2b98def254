package netwarden.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netwarden.model.GameView;
import org.junit.jupiter.api.Test;

/** The note beside query players and traffic players: each way the two counts can stand, in plain words. */
class GameJsonTest {
    private static GameView.Query answered(int players) {
        return new GameView.Query("quake3", true, players, 16, "q3dm17", "Arena", 1_000_000, List.of(), 1_795_268_314_000_000_000L);
    }

    @Test
    void explainsWhichCountIsHigherAndWhy() {
        assertThat(GameJson.note(answered(3), 3)).isEqualTo("query and traffic agree");
        assertThat(GameJson.note(answered(5), 3)).contains("server counts more").contains("bots").contains("NAT or relay");
        assertThat(GameJson.note(answered(1), 3)).contains("traffic shows more").contains("spoofed").contains("not yet timed out");
    }

    @Test
    void withoutAnAnswerTheTrafficIsAllThereIs() {
        var never = new GameView.Query("a2s", false, 0, 0, null, null, 0, List.of(), 0);
        assertThat(GameJson.note(never, 2)).contains("does not answer").contains("traffic only");
        var down = new GameView.Query("a2s", false, 4, 16, "de_dust2", "x", 1_000_000, List.of(), 1_795_268_314_000_000_000L);
        assertThat(GameJson.note(down, 4)).as("a down server's last answer is not compared").contains("does not answer");
    }
}
