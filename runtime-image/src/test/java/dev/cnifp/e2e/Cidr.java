package dev.cnifp.e2e;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP subnet, to check that an address a plugin handed out lies in the configured range. */
record Cidr(byte[] network, int prefixLength) {

    /** Parses {@code 10.88.0.0/16} or {@code 2001:4860:4860::/64}; also {@code 10.88.0.2/16} (host bits kept). */
    static Cidr parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR: " + cidr);
        }
        return new Cidr(address(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
    }

    /** True when {@code addressWithPrefix} (as in a CNI result, {@code 10.88.0.2/16}) lies in this subnet. */
    boolean contains(String addressWithPrefix) {
        Cidr other = parse(addressWithPrefix);
        if (other.network.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((network[bit / 8] & mask) != (other.network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] address(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP literal: " + literal); // never a DNS lookup
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
