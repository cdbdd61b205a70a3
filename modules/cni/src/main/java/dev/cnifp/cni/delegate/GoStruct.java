package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue;
import dev.cnifp.cni.json.JsonValue.JsonNull;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.Member;
import java.util.List;
import java.util.function.Function;

/**
 * A Go struct decoded field by field: members are taken in document order, matched to a field by exact then
 * case-insensitive name, unknown members ignored, so the last duplicate wins and earlier ones may still have
 * recorded a mismatch. The Java side is any value that can be taken apart into and built from its field values.
 *
 * @param name       {@code reflect.Type.String()}, e.g. {@code types100.Interface}
 * @param fields     the JSON names and Go types of the fields, in declaration order
 * @param build      makes the value from field values in that order
 * @param takeApart  the field values of an existing value, in that order
 */
record GoStruct<S>(String name, List<Field> fields, Function<Object[], S> build, Function<S, Object[]> takeApart)
        implements GoType<S> {

    record Field(String json, GoType<?> type) {}

    static Field field(String json, GoType<?> type) {
        return new Field(json, type);
    }

    /** The bare type name Go puts in front of the field path: {@code Interface} for {@code types100.Interface}. */
    String shortName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    @Override
    public S zero() {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields.get(i).type().zero();
        }
        return build.apply(values);
    }

    @Override
    public S decode(JsonValue value, S current, GoUnmarshal call) throws DecodeException {
        if (value instanceof JsonNull) {
            return current;
        }
        if (!(value instanceof JsonObject object)) {
            call.mismatch(value.goKind(), name);
            return current;
        }
        Object[] values = takeApart.apply(current).clone();
        for (Member member : object.members()) {
            int index = fieldIndex(member.key());
            if (index < 0) {
                continue;
            }
            String previousStruct = call.struct();
            int previousDepth = call.depth();
            call.enterField(shortName(), fields.get(index).json());
            values[index] = decodeField(fields.get(index).type(), member.value(), values[index], call);
            call.leaveField(previousStruct, previousDepth);
        }
        return build.apply(values);
    }

    @SuppressWarnings("unchecked")
    private static <T> Object decodeField(GoType<T> type, JsonValue value, Object current, GoUnmarshal call)
            throws DecodeException {
        return type.decode(value, (T) current, call);
    }

    private int fieldIndex(String key) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).json().equals(key)) {
                return i;
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).json().equalsIgnoreCase(key)) {
                return i;
            }
        }
        return -1;
    }
}
