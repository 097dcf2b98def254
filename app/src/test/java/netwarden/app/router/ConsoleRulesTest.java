package netwarden.app.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netwarden.app.config.RouterRuleText;
import netwarden.console.RouterRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's rules page over the real rule book: the API's fields and checks, saved to rules.json, config rules kept. */
class ConsoleRulesTest {
    @TempDir
    Path dir;

    @Test
    void formFieldsBecomeSavedRulesAndConfigRulesStay() throws Exception {
        Path file = dir.resolve("rules.json");
        RouterRuleBook book = new RouterRuleBook(List.of(RouterRuleText.parse("allow", null, "203.0.113.0/24", null, null, null, null)), file);
        ConsoleRules rules = new ConsoleRules(book);

        RouterRules.Rule added = rules.add(new RouterRules.Fields("suppress", "192.168.50.20", null, "AS64500", null, "443", "new_dst"));
        assertThat(added.fromConfig()).isFalse();
        assertThat(added.fields()).isEqualTo(new RouterRules.Fields("suppress", "192.168.50.20", null, "64500", null, "443", "NEW_DST"));
        assertThat(rules.list()).extracting(RouterRules.Rule::id).containsExactly("config-0", added.id());
        assertThat(rules.list().getFirst().fields().remote()).isEqualTo("203.0.113.0/24");
        assertThat(Files.readString(file)).contains(added.id()).contains("NEW_DST");
        assertThat(book.rules()).hasSize(2);

        assertThatThrownBy(() -> rules.add(new RouterRules.Fields("block", null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allow or suppress");
        assertThatThrownBy(() -> rules.add(new RouterRules.Fields("allow", null, null, null, null, "https", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> rules.remove("config-0")).isInstanceOf(IllegalArgumentException.class);
        assertThat(rules.remove("nope")).isFalse();
        assertThat(rules.remove(added.id())).isTrue();
        assertThat(rules.list()).extracting(RouterRules.Rule::id).containsExactly("config-0");
    }
}
