package dev.cnifp.cni.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON value as Go's encoding/json sees it: objects keep every member in input order, duplicates included, because
 * Go decodes keys case-insensitively and lets the last match win; numbers keep their literal text.
 */
public sealed interface JsonValue {

    /** Go's name for the kind of value, as used in {@code json: cannot unmarshal <kind> into ...}. */
    String goKind();

    record JsonObject(List<Member> members) implements JsonValue {
        public JsonObject {
            members = List.copyOf(members);
        }

        /** The value Go would decode into a struct field tagged {@code key}: the last member whose key folds to it. */
        public Optional<JsonValue> field(String key) {
            for (int i = members.size() - 1; i >= 0; i--) {
                if (members.get(i).key().equalsIgnoreCase(key)) {
                    return Optional.of(members.get(i).value());
                }
            }
            return Optional.empty();
        }

        /** The value of the last member with exactly this key (map semantics, e.g. annotations). */
        public Optional<JsonValue> get(String key) {
            for (int i = members.size() - 1; i >= 0; i--) {
                if (members.get(i).key().equals(key)) {
                    return Optional.of(members.get(i).value());
                }
            }
            return Optional.empty();
        }

        @Override
        public String goKind() {
            return "object";
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds objects in insertion order; the order is the order of the printed keys. */
        public static final class Builder {
            private final List<Member> members = new ArrayList<>();

            public Builder put(String key, JsonValue value) {
                members.add(new Member(key, value));
                return this;
            }

            public Builder put(String key, String value) {
                return put(key, new JsonString(value));
            }

            public Builder put(String key, long value) {
                return put(key, JsonNumber.of(value));
            }

            /** Adds the member only when the value is non-null and non-empty, like Go's {@code omitempty}. */
            public Builder putIfPresent(String key, String value) {
                return value == null || value.isEmpty() ? this : put(key, value);
            }

            public JsonObject build() {
                return new JsonObject(members);
            }
        }
    }

    record Member(String key, JsonValue value) {
        public Member {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }

        @Override
        public String goKind() {
            return "array";
        }
    }

    record JsonString(String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String goKind() {
            return "string";
        }
    }

    /** A number with its literal text, e.g. {@code 1e3}; printed back exactly as read. */
    record JsonNumber(String literal) implements JsonValue {
        public static JsonNumber of(long value) {
            return new JsonNumber(Long.toString(value));
        }

        @Override
        public String goKind() {
            return "number";
        }
    }

    record JsonBool(boolean value) implements JsonValue {
        @Override
        public String goKind() {
            return "bool";
        }
    }

    record JsonNull() implements JsonValue {
        @Override
        public String goKind() {
            return "null";
        }
    }

    JsonNull NULL = new JsonNull();
}
