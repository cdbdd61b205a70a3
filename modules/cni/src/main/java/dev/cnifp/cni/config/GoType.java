package dev.cnifp.cni.config;

import dev.cnifp.cni.json.GoQuote;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Go types a CNI plugin decodes its configuration into: strings and structs of them. They exist so that type
 * errors read exactly like Go's, which names the Go type, e.g. {@code struct { Name string "json:\"name\"" }}.
 */
public sealed interface GoType {

    /** What Go's {@code reflect.Type.String()} prints for this type. */
    String typeString();

    GoType STRING = new GoString();

    record GoString() implements GoType {
        @Override
        public String typeString() {
            return "string";
        }
    }

    /**
     * A struct type; {@code name} is empty for an anonymous struct, otherwise the type's name without its package
     * (Go's error messages use the bare name for the struct that holds a field, and {@code main.} + name as the
     * type of a value).
     */
    record GoStruct(String name, List<GoField> fields) implements GoType {
        public GoStruct {
            Objects.requireNonNull(name, "name");
            fields = List.copyOf(fields);
        }

        public static GoStruct anonymous(GoField... fields) {
            return new GoStruct("", List.of(fields));
        }

        public static GoStruct named(String name, GoField... fields) {
            return new GoStruct(name, List.of(fields));
        }

        @Override
        public String typeString() {
            if (!name.isEmpty()) {
                return "main." + name;
            }
            return fields.stream()
                    .map(f -> f.goName() + " " + f.type().typeString() + " " + GoQuote.quote("json:\"" + f.tag() + "\""))
                    .collect(Collectors.joining("; ", "struct { ", " }"));
        }

        /**
         * The field a JSON key decodes into. Go prefers an exact match and falls back to a case-insensitive one; the
         * structs here have no two tags that differ only in case, so the fold match alone gives the same answer.
         */
        Optional<GoField> field(String key) {
            for (GoField field : fields) {
                if (field.tag().equalsIgnoreCase(key)) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }
    }

    /** A struct field: its Go name (part of an anonymous struct's type string), its JSON tag name and its type. */
    record GoField(String goName, String tag, GoType type) {
        public GoField {
            Objects.requireNonNull(goName, "goName");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(type, "type");
        }
    }
}
