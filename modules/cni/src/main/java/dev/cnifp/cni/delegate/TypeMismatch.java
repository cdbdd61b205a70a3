package dev.cnifp.cni.delegate;

/**
 * Go's {@code *json.UnmarshalTypeError}: {@code value} is what the document held ({@code string}, {@code number 1.5},
 * ...), {@code type} the Go type it could not go into, {@code struct}/{@code field} where (both empty at top level).
 */
record TypeMismatch(String value, String type, String struct, String field) {

    TypeMismatch(String value, String type) {
        this(value, type, "", "");
    }

    TypeMismatch at(String struct, String field) {
        return new TypeMismatch(value, type, struct, field);
    }

    String message() {
        if (!struct.isEmpty() || !field.isEmpty()) {
            return "json: cannot unmarshal " + value + " into Go struct field " + struct + "." + field
                    + " of type " + type;
        }
        return "json: cannot unmarshal " + value + " into Go value of type " + type;
    }
}
