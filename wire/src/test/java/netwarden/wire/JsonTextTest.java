package netwarden.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import netwarden.model.Times;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void writesEveryKindOfValueExactlyAsTheMapperDoes() throws Exception {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("text", "quote \" back \\ tab \t snowman \u2603 nul \u0000");
        n.put("int", 42).put("long", Long.MIN_VALUE).put("big", new BigInteger("123456789012345678901234567890"));
        n.put("seconds", Times.seconds(1_795_268_310_000_000_000L)).put("fraction", Times.seconds(1_795_268_310_123_456_789L));
        n.put("tiny", new BigDecimal("1E-9")).put("double", 0.1).put("float", 2.5f).put("yes", true).put("no", false);
        n.putNull("nothing");
        n.putArray("empty");
        n.putObject("nested").putArray("list").add(1).add("two").addNull().addObject().put("deep", 3.75);

        String text = JsonText.write(n);

        assertThat(text).isEqualTo(JsonText.mapper().writeValueAsString(n));
        assertThat(text).contains("\"seconds\":1795268310,", "\"fraction\":1795268310.123456789", "\"tiny\":0.000000001",
                "\"nested\":{\"list\":[1,\"two\",null,{\"deep\":3.75}]}");
        assertThat(JsonText.mapper().readTree(text).size()).isEqualTo(n.size());
    }
}
