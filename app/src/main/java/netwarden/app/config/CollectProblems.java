package netwarden.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;

/**
 * Records what Jackson finds wrong as a problem and reads on (the value counts as absent), so
 * one pass finds every unknown key and wrong type of the file.
 */
final class CollectProblems extends DeserializationProblemHandler {
    private final Binding b;

    CollectProblems(Binding b) {
        this.b = b;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        p.skipChildren(); // KeySchema has reported it, at its place (the parser may be replaying buffered tokens here)
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
        JsonParser p = ctxt.getParser();
        String path = path(p.getParsingContext());
        at(p, new ConfigProblem(path, value, path + ": '" + value + "' is not " + kind(targetType), null));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
        JsonParser p = ctxt.getParser();
        String path = path(p.getParsingContext());
        at(p, new ConfigProblem(path, String.valueOf(value), path + ": " + value + " is not " + kind(targetType) + " in range", null));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        String path = path(valueContext(p));
        at(p, path.isEmpty() ? new ConfigProblem("", null, "the config must be a mapping of keys (http, api, services, ...)", null)
                : new ConfigProblem(path, null, path + ": expected " + kind(targetType.getRawClass()), null));
        p.skipChildren();
        return null;
    }

    private void at(JsonParser p, ConfigProblem problem) {
        if (!problem.path().isEmpty() && b.failedAt(problem.path())) return; // e.g. an alias (*a) read as the text "a": reported as an alias
        JsonLocation l = p.currentTokenLocation();
        b.problemAt(problem, l.getLineNr(), l.getColumnNr());
    }

    /** At the start of a mapping or list the parser is already inside it; the value's own context is its parent. */
    private static JsonStreamContext valueContext(JsonParser p) {
        JsonStreamContext c = p.getParsingContext();
        return p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY ? c.getParent() : c;
    }

    /** The same path from the parser's position: the context of a value being read. */
    static String path(JsonStreamContext context) {
        String path = "";
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String rest = path.isEmpty() || path.startsWith("[") ? path : "." + path;
            if (c.inArray()) path = "[" + Math.max(0, c.getCurrentIndex()) + "]" + rest;
            else if (c.getCurrentName() != null) path = c.getCurrentName() + rest;
        }
        return path;
    }

    static String kind(Class<?> type) {
        if (type == null) return "a value of the right type";
        if (type == Integer.class || type == int.class || type == Long.class) return "a whole number";
        if (type == Double.class || type == double.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a single value (text)";
        if (java.util.List.class.isAssignableFrom(type)) return "a list";
        return "a mapping of keys";
    }
}
