package netwarden.sources.router.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import netwarden.sources.router.dns.DnsLogEntry.Kind;
import org.junit.jupiter.api.Test;

/** Lines as dnsmasq 2.90 (Debian bookworm) writes them with log-queries and log-facility. */
class DnsmasqParserTest {
    @Test
    void queryFromAClient() throws Exception {
        DnsLogEntry e = DnsmasqParser.parse("Dec  7 21:30:59 dnsmasq[32218]: query[A] game.example.test from 10.99.1.2");
        assertThat(e).isEqualTo(new DnsLogEntry(Kind.QUERY, "game.example.test", "A", "10.99.1.2", "", "", "", -1));
    }

    @Test
    void hostsFileAnswerForwardReplyAndCache() throws Exception {
        DnsLogEntry hosts = DnsmasqParser.parse("Dec  7 21:30:59 dnsmasq[32218]: /tmp/nwr-dns/hosts game.example.test is 10.99.2.2");
        assertThat(hosts.kind()).isEqualTo(Kind.HOSTS);
        assertThat(hosts.source()).isEqualTo("/tmp/nwr-dns/hosts");
        assertThat(hosts.answer()).isEqualTo("10.99.2.2");
        assertThat(hosts.answerIsAddress()).isTrue();
        assertThat(DnsmasqParser.parse("Dec  7 21:31:00 dnsmasq[77]: forwarded Example.COM. to 192.0.2.53"))
                .isEqualTo(new DnsLogEntry(Kind.FORWARDED, "example.com", "", "", "192.0.2.53", "", "", -1));
        assertThat(DnsmasqParser.parse("Dec  7 21:31:00 dnsmasq[77]: reply example.com is 2001:db8::1").answerIsAddress()).isTrue();
        DnsLogEntry cname = DnsmasqParser.parse("Dec  7 21:31:00 dnsmasq[77]: reply www.example.com is <CNAME>");
        assertThat(cname.kind()).isEqualTo(Kind.REPLY);
        assertThat(cname.answerIsAddress()).isFalse();
        assertThat(DnsmasqParser.parse("Dec  7 21:31:01 dnsmasq[77]: cached example.com is NXDOMAIN").answerIsAddress()).isFalse();
        assertThat(DnsmasqParser.parse("Dec  7 21:31:01 dnsmasq[77]: config router.lan is 192.168.1.1").kind()).isEqualTo(Kind.CONFIG);
    }

    @Test
    void syslogAndExtendedFormats() throws Exception {
        DnsLogEntry e = DnsmasqParser.parse("2026-12-07T21:00:01.123456+00:00 gw dnsmasq[123]: 42 10.0.0.5/40211 query[AAAA] example.com from 10.0.0.5");
        assertThat(e.kind()).isEqualTo(Kind.QUERY);
        assertThat(e.qtype()).isEqualTo("AAAA");
        assertThat(e.serial()).isEqualTo(42);
        assertThat(DnsmasqParser.parse("Dec  7 21:00:01 gw dnsmasq[123]: reply example.com is 93.184.216.34").answer()).isEqualTo("93.184.216.34");
    }

    @Test
    void otherLinesAreNotEntries() throws Exception {
        assertThat(DnsmasqParser.parse("Dec  7 21:30:57 dnsmasq[32218]: started, version 2.90 cachesize 150")).isNull();
        assertThat(DnsmasqParser.parse("Dec  7 21:30:57 dnsmasq[32218]: read /tmp/nwr-dns/hosts - 1 names")).isNull();
        assertThat(DnsmasqParser.parse("Dec  7 21:30:57 sshd[1]: query[A] x from y")).isNull();
        assertThat(DnsmasqParser.parse("")).isNull();
    }

    @Test
    void malformedQueryLinesThrowTheOneException() {
        assertThatThrownBy(() -> DnsmasqParser.parse("Dec  7 21:30:59 dnsmasq[1]: query[A] example.com"))
                .isInstanceOf(DnsmasqParseException.class).extracting("reason").isEqualTo("malformed query");
        assertThatThrownBy(() -> DnsmasqParser.parse("Dec  7 21:30:59 dnsmasq[1]: reply example.com"))
                .isInstanceOf(DnsmasqParseException.class).extracting("reason").isEqualTo("malformed reply");
        assertThatThrownBy(() -> DnsmasqParser.parse("Dec  7 21:30:59 dnsmasq[1]: cached " + "a".repeat(300) + " is 1.2.3.4"))
                .isInstanceOf(DnsmasqParseException.class).extracting("reason").isEqualTo("name longer than 253");
    }

    @Test
    void everyPrefixOfALineIsNullAnEntryOrTheException() {
        String line = "Dec  7 21:30:59 dnsmasq[32218]: 7 10.99.1.2/5353 query[A] game.example.test from 10.99.1.2";
        for (int i = 0; i <= line.length(); i++) {
            try {
                DnsmasqParser.parse(line.substring(0, i));
            } catch (DnsmasqParseException e) {
                assertThat(e.getMessage()).startsWith("dnsmasq: ");
            }
        }
    }

    @Test
    void hashedNamesAreStableSaltedAndNotThePlainName() {
        NameHasher a = NameHasher.salted("salt-one!"), b = NameHasher.salted("salt-two!");
        assertThat(a.apply("example.com")).isEqualTo(a.apply("example.com")).startsWith("h:").hasSize(34)
                .isNotEqualTo(b.apply("example.com")).doesNotContain("example");
        assertThat(NameHasher.plain().apply("example.com")).isEqualTo("example.com");
        assertThatThrownBy(() -> NameHasher.salted("short")).hasMessageContaining("router.dns.hash-salt");
    }
}
