package dev.cnifp.cni.delegate;

import java.util.Optional;

/**
 * Go's {@code net.ParseIP}, {@code net.ParseCIDR} and {@code net.IP.String} (which parse with {@code netip}
 * rules): addresses are kept as 16 bytes, IPv4 as IPv4-mapped; IPv4 fields may not have leading zeros; zones are
 * refused; IPv6 prints lower-case with the first longest run of two or more zero groups compressed (RFC 5952), and
 * an IPv4-mapped address prints as dotted IPv4.
 */
final class GoIp {
    private GoIp() {}

    /** A parsed address: 16 bytes, and whether it was written as IPv4 (netip's {@code Is4}). */
    record Parsed(byte[] bytes, boolean written4) {}

    /** {@code net.ParseIP}: empty when Go would return nil. */
    static Optional<byte[]> parseIp(String text) {
        return parseAddr(text).map(Parsed::bytes);
    }

    /** {@code types.ParseCIDR}: the address keeps its host bits. */
    static IpNet parseCidr(String text) throws DecodeException {
        int slash = text.indexOf('/');
        if (slash >= 0) {
            Optional<Parsed> address = parseAddr(text.substring(0, slash));
            String mask = text.substring(slash + 1);
            int ones = decimal(mask);
            if (address.isPresent() && ones >= 0) {
                int bits = address.get().written4() ? 32 : 128;
                if (ones <= bits) {
                    return new IpNet(address.get().bytes(), ones, bits);
                }
            }
        }
        throw new DecodeException("invalid CIDR address: " + text);
    }

    /** {@code net.IP.String} of a 16-byte address. */
    static String format(byte[] ip) {
        if (isIpv4Mapped(ip)) {
            return (ip[12] & 0xff) + "." + (ip[13] & 0xff) + "." + (ip[14] & 0xff) + "." + (ip[15] & 0xff);
        }
        int zeroStart = -1;
        int zeroEnd = -1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && group(ip, j) == 0) {
                j++;
            }
            if (j - i >= 2 && j - i > zeroEnd - zeroStart) {
                zeroStart = i;
                zeroEnd = j;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == zeroStart) {
                out.append("::");
                i = zeroEnd - 1;
                continue;
            }
            if (i > 0 && i != zeroEnd) {
                out.append(':');
            }
            out.append(Integer.toHexString(group(ip, i)));
        }
        return out.toString();
    }

    static boolean isIpv4Mapped(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return (ip[10] & 0xff) == 0xff && (ip[11] & 0xff) == 0xff;
    }

    private static int group(byte[] ip, int index) {
        return ((ip[2 * index] & 0xff) << 8) | (ip[2 * index + 1] & 0xff);
    }

    /** Go's {@code dtoi} over the whole string: -1 when empty, not all digits, or at least 0xFFFFFF. */
    private static int decimal(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return -1;
            }
            n = n * 10 + (s.charAt(i) - '0');
            if (n >= 0xFFFFFF) {
                return -1;
            }
        }
        return n;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** {@code netip.ParseAddr} without zones (every caller here refuses them). */
    static Optional<Parsed> parseAddr(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '.' -> {
                    return parseIpv4(s).map(v4 -> new Parsed(mapped(v4), true));
                }
                case ':' -> {
                    return parseIpv6(s).map(v6 -> new Parsed(v6, false));
                }
                case '%' -> {
                    return Optional.empty();
                }
                default -> { }
            }
        }
        return Optional.empty();
    }

    private static byte[] mapped(byte[] v4) {
        byte[] ip = new byte[16];
        ip[10] = (byte) 0xff;
        ip[11] = (byte) 0xff;
        System.arraycopy(v4, 0, ip, 12, 4);
        return ip;
    }

    private static Optional<byte[]> parseIpv4(String s) {
        byte[] out = new byte[4];
        int field = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                if (digits == 1 && value == 0) {
                    return Optional.empty(); // leading zero
                }
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return Optional.empty();
                }
            } else if (c == '.') {
                if (digits == 0 || i == s.length() - 1 || field == 3) {
                    return Optional.empty();
                }
                out[field++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return Optional.empty();
            }
        }
        if (field != 3 || digits == 0) {
            return Optional.empty();
        }
        out[3] = (byte) value;
        return Optional.of(out);
    }

    private static Optional<byte[]> parseIpv6(String text) {
        if (text.indexOf('%') >= 0) {
            return Optional.empty();
        }
        byte[] ip = new byte[16];
        String s = text;
        int ellipsis = -1;
        if (s.startsWith("::")) {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) {
                return Optional.of(ip);
            }
        }
        int i = 0;
        while (i < 16) {
            int off = 0;
            int acc = 0;
            while (off < s.length()) {
                int digit = hexValue(s.charAt(off));
                if (digit < 0) {
                    break;
                }
                if (off > 3) {
                    return Optional.empty();
                }
                acc = (acc << 4) + digit;
                off++;
            }
            if (off == 0) {
                return Optional.empty();
            }
            if (off < s.length() && s.charAt(off) == '.') {
                if ((ellipsis < 0 && i != 12) || i + 4 > 16) {
                    return Optional.empty();
                }
                Optional<byte[]> v4 = parseIpv4(s);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                System.arraycopy(v4.get(), 0, ip, i, 4);
                s = "";
                i += 4;
                break;
            }
            ip[i] = (byte) (acc >> 8);
            ip[i + 1] = (byte) acc;
            i += 2;
            s = s.substring(off);
            if (s.isEmpty()) {
                break;
            }
            if (s.charAt(0) != ':' || s.length() == 1) {
                return Optional.empty();
            }
            s = s.substring(1);
            if (s.charAt(0) == ':') {
                if (ellipsis >= 0) {
                    return Optional.empty();
                }
                ellipsis = i;
                s = s.substring(1);
                if (s.isEmpty()) {
                    break;
                }
            }
        }
        if (!s.isEmpty()) {
            return Optional.empty();
        }
        if (i < 16) {
            if (ellipsis < 0) {
                return Optional.empty();
            }
            int shift = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + shift] = ip[j];
            }
            for (int j = ellipsis + shift - 1; j >= ellipsis; j--) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            return Optional.empty();
        }
        return Optional.of(ip);
    }
}
