package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue;
import dev.cnifp.cni.json.JsonValue.JsonNull;
import dev.cnifp.cni.json.JsonValue.JsonString;

/** The address types of the CNI library ({@code net.IP}, {@code types.IPNet}) and its {@code UnmarshalJSON} wrappers. */
final class CniTypes {
    private CniTypes() {}

    /** {@code net.IP}, a text unmarshaler: {@code ""} and {@code null} give nil; other non-strings are mismatches. */
    static final GoType<byte[]> IP = new GoType<>() {
        @Override
        public String name() {
            return "net.IP";
        }

        @Override
        public byte[] zero() {
            return null;
        }

        @Override
        public byte[] decode(JsonValue value, byte[] current, GoUnmarshal call) throws DecodeException {
            // No pattern switch in this package: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
            if (value instanceof JsonNull) {
                return null;
            } else if (value instanceof JsonString s) {
                return s.value().isEmpty() ? null : GoIp.parseIp(s.value())
                        .orElseThrow(() -> new DecodeException("invalid IP address: " + s.value()));
            }
            call.mismatch(value.goKind(), name());
            return current;
        }
    };

    /**
     * {@code types.IPNet}: its {@code UnmarshalJSON} reads a Go string (so {@code null} is {@code ""}) and parses it
     * as a CIDR; it is called even for {@code null}.
     */
    static final GoType<IpNet> IPNET = new GoType<>() {
        @Override
        public String name() {
            return "types.IPNet";
        }

        @Override
        public IpNet zero() {
            return null;
        }

        @Override
        public IpNet decode(JsonValue value, IpNet current, GoUnmarshal call) throws DecodeException {
            return GoIp.parseCidr(GoUnmarshal.unmarshal(value, GoType.STRING));
        }
    };

    /**
     * A type whose {@code UnmarshalJSON} decodes into a fresh private struct with its own {@code json.Unmarshal}
     * call and copies it over; the destination's old value plays no part.
     */
    static <T> GoType<T> unmarshaler(String name, GoType<T> wire) {
        return new GoType<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public T zero() {
                return wire.zero();
            }

            @Override
            public T decode(JsonValue value, T current, GoUnmarshal call) throws DecodeException {
                return GoUnmarshal.unmarshal(value, wire);
            }
        };
    }
}
