package netwarden.sinks.notify.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netwarden.enrich.Enrichment;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.sinks.notify.channel.Notice;
import netwarden.wire.AddressFormat;
import org.junit.jupiter.api.Test;

/** Notices for the game's own log and query: the player's name and country, masked addresses, never the CD-key hash. */
class GameViewsTest {
    static final long T = 1_795_268_310_000_000_000L;
    final NoticeViews views = new NoticeViews(AddressFormat.masked(), true);

    @Test
    void aLogJoinNamesThePlayerWithCountryAndAMaskedAddress() {
        Ip ip = Ip.parse("203.0.113.4");
        var join = new Event.GameLogged(T, "arena", "join", "alice", ip, "0123456789abcdef", null, null);
        var info = new Notice.PlayerInfo(ip, new Enrichment(Enrichment.Status.RESOLVED, "DE", 0, null, null, null), false);
        NoticeView v = views.view(new Notice.EventNotice(join, info, null, List.of()));
        assertThat(v.title()).contains("alice").contains("joined arena");
        assertThat(v.fields()).extracting(NoticeView.Field::name).contains("Player", "Country", "Address", "Traffic");
        assertThat(v.fields()).extracting(NoticeView.Field::value).contains("alice").noneMatch(s -> s.contains("203.0.113.4"))
                .anyMatch(s -> s.endsWith("DE")).anyMatch(s -> s.contains("none seen"));
    }

    @Test
    void commandsAndQueryOutagesHaveTheirOwnTitles() {
        var cmd = new Event.GameLogged(T, "arena", "command", "admin", null, null, null, "lvl=4 /map_restart");
        assertThat(views.view(new Notice.EventNotice(cmd, null, null, List.of())).title()).contains("Admin command on arena by admin");
        var down = new Event.QueryStatus(T, "arena", false, "timeout", -1);
        NoticeView v = views.view(new Notice.EventNotice(down, null, null, List.of()));
        assertThat(v.title()).contains("arena is not answering");
        assertThat(v.description()).contains("timeout");
        assertThat(v.color()).isEqualTo(NoticeView.RED);
        var back = new Event.QueryStatus(T, "arena", true, null, 5);
        assertThat(views.view(new Notice.EventNotice(back, null, null, List.of())).description()).contains("5 players");
        assertThat(down.kind()).isEqualTo("server_not_answering");
        assertThat(back.kind()).isEqualTo("server_back");
        assertThat(cmd.kind()).isEqualTo("game_command");
    }
}
