package dev.cnifp.cni.delegate;

/**
 * Go's {@code net.IPNet} as {@code types.ParseCIDR} leaves it: the address as written (host bits kept, 16 bytes) and
 * a mask of {@code ones} out of {@code bits} (32 when the address was written as IPv4, else 128).
 */
record IpNet(byte[] address, int ones, int bits) {

    /** {@code net.IPNet.String}: an IPv4-mapped address with a 128-bit mask prints as IPv4 with the mask's last 32 bits. */
    @Override
    public String toString() {
        int shownOnes = ones;
        if (bits == 128 && GoIp.isIpv4Mapped(address)) {
            shownOnes = Math.max(0, ones - 96);
        }
        return GoIp.format(address) + "/" + shownOnes;
    }

    /** The zero {@code net.IPNet} (field absent from the JSON) prints like this. */
    static String formatNullable(IpNet net) {
        return net == null ? "<nil>" : net.toString();
    }
}
