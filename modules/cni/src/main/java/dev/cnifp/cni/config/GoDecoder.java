package dev.cnifp.cni.config;

import dev.cnifp.cni.config.GoType.GoField;
import dev.cnifp.cni.config.GoType.GoString;
import dev.cnifp.cni.config.GoType.GoStruct;
import dev.cnifp.cni.json.JsonValue;
import dev.cnifp.cni.json.JsonValue.JsonNull;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.JsonString;
import dev.cnifp.cni.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code json.Unmarshal} of an already parsed document into a struct of strings and structs, with Go's rules:
 * members are applied in document order (so the last duplicate wins, keys match case-insensitively), {@code null}
 * leaves a field as it was, unknown keys are skipped, a nested object is merged into what earlier duplicates left,
 * and the first type error is reported in Go's words while decoding carries on.
 */
public final class GoDecoder {
    private GoDecoder() {}

    public static GoDecoded decode(JsonValue document, GoStruct type) {
        GoDecoded result = new GoDecoded();
        // No pattern switch in this file: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
        if (document instanceof JsonObject object) {
            decodeObject(object, type, result, new ArrayList<>(), result);
        } else if (!(document instanceof JsonNull)) {
            result.saveError("json: cannot unmarshal " + document.goKind() + " into Go value of type "
                    + type.typeString());
        }
        return result;
    }

    private static void decodeObject(JsonObject object, GoStruct type, GoDecoded into, List<String> path,
            GoDecoded errors) {
        for (Member member : object.members()) {
            var field = type.field(member.key());
            if (field.isEmpty()) {
                continue;
            }
            GoField f = field.get();
            path.add(f.tag());
            decodeField(member.value(), f, type, into, path, errors);
            path.removeLast();
        }
    }

    private static void decodeField(JsonValue value, GoField field, GoStruct holder, GoDecoded into,
            List<String> path, GoDecoded errors) {
        if (value instanceof JsonNull) {
            return;
        }
        if (value instanceof JsonString string && field.type() instanceof GoString) {
            into.put(field.tag(), string.value());
        } else if (value instanceof JsonObject object && field.type() instanceof GoStruct struct) {
            GoDecoded nested = into.get(field.tag()) instanceof GoDecoded d ? d : new GoDecoded();
            into.put(field.tag(), nested);
            decodeObject(object, struct, nested, path, errors);
        } else {
            errors.saveError("json: cannot unmarshal " + value.goKind() + " into Go struct field "
                    + holder.name() + "." + String.join(".", path) + " of type " + field.type().typeString());
        }
    }
}
