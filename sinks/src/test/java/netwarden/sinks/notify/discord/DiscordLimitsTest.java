package netwarden.sinks.notify.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import netwarden.wire.AddressFormat;
import netwarden.sinks.notify.NotifyFixtures;
import netwarden.sinks.notify.render.NoticeViews;
import org.junit.jupiter.api.Test;

class DiscordLimitsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void truncatesEveryOversizedPartWithAnEllipsis() throws IOException {
        List<Embed.Field> fields = new ArrayList<>();
        for (int i = 0; i < 40; i++) fields.add(new Embed.Field("n".repeat(300), "v".repeat(2000), true));
        List<Embed> embeds = new ArrayList<>();
        for (int i = 0; i < 12; i++)
            embeds.add(new Embed("t".repeat(400), "d".repeat(5000), 1, fields, "f".repeat(3000), "a".repeat(300), null));
        JsonNode json = MAPPER.readTree(DiscordPayload.json(embeds, "netwarden"));
        assertThat(DiscordRules.violations(json)).isEmpty();
        assertThat(json.path("embeds").size()).isBetween(1, 10);
        assertThat(json.path("embeds").get(0).path("title").asText()).hasSize(256).endsWith("…");
    }

    @Test
    void oneEmbedJustOverTheTotalKeepsItsShortPartsAndCutsTheLongest() throws IOException {
        List<Embed.Field> fields = List.of(new Embed.Field("Kind", "udp_flood", true), new Embed.Field("Top sources", "s".repeat(1024), false),
                new Embed.Field("Ports", "p".repeat(1024), false)); // 6188 characters in all
        Embed e = new Embed("Attack", "r".repeat(4096), 0xff0000, fields, "netwarden", null, null);
        JsonNode json = MAPPER.readTree(DiscordPayload.json(List.of(e), null));
        assertThat(DiscordRules.violations(json)).isEmpty();
        JsonNode embed = json.path("embeds").get(0);
        assertThat(embed.path("fields").get(0).path("value").asText()).isEqualTo("udp_flood");
        assertThat(embed.path("title").asText()).isEqualTo("Attack");
        assertThat(embed.path("description").asText()).endsWith("…").hasSize(6000 - (6 + 9 + 4 + 9 + 11 + 1024 + 5 + 1024));
        assertThat(embed.path("fields").get(1).path("value").asText()).hasSize(1024);
        assertThat(json.has("username")).isFalse();
    }

    @Test
    void neverSplitsASurrogatePair() {
        String flags = "\uD83C\uDDE6\uD83C\uDDFA".repeat(10);
        String cut = DiscordLimits.truncate(flags, 6);
        assertThat(cut).endsWith("…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(DiscordLimits.truncate("short", 10)).isEqualTo("short");
    }

    @Test
    void realAlertWithHugeAnnotationsFits() throws IOException {
        var view = new NoticeViews(AddressFormat.masked(), true).view(NotifyFixtures.notice(NotifyFixtures.alert("HostDown", "critical", NotifyFixtures.T0, 60, 9000)));
        JsonNode json = MAPPER.readTree(DiscordPayload.json(view, "netwarden"));
        assertThat(DiscordRules.violations(json)).isEmpty();
        assertThat(json.path("embeds").get(0).path("color").asInt()).isEqualTo(0x992D22);
    }

    @Test
    void escapesMarkdownSoTextShowsAsWritten() {
        assertThat(DiscordPayload.escape("a*b_c~d|e`f\\g")).isEqualTo("a\\*b\\_c\\~d\\|e\\`f\\\\g");
    }
}
