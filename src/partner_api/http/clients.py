"""Who a request comes from. The peer's address, or behind a reverse proxy named with
--trusted-proxy the address its X-Forwarded-For header gives (read from that proxy only, since
any client can send the header). And the key a client's connection share and sign-in attempts
count under: its address, or for IPv6 its /64, which one host usually holds whole."""
import ipaddress


def parse_networks(values):
    """--trusted-proxy values (an address or a network such as 10.0.0.0/8) as networks;
    ValueError naming the one that is neither."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ValueError(f"{value!r} is not an IP address or network (like 10.0.0.5 or 10.0.0.0/24)")
    return tuple(networks)


def _address(text):
    try:
        address = ipaddress.ip_address(text.strip().removeprefix("[").removesuffix("]"))
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def share_key(text):
    """What one client's connections and sign-in attempts count under."""
    address = _address(text)
    if address is None:
        return text
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


class Clients:
    def __init__(self, trusted=()):
        """`trusted`: addresses or networks, as text or ipaddress networks."""
        self.trusted = parse_networks(str(network) for network in trusted)

    def is_trusted(self, text):
        address = _address(text)
        return address is not None and any(address in network for network in self.trusted)

    def connection_key(self, peer):
        """The share a new connection counts against; None for a trusted proxy, which carries
        many clients' requests and limits them itself."""
        return None if self.is_trusted(peer[0]) else share_key(peer[0])

    def client_of(self, peer, headers):
        """The client's address: the peer's, unless the peer is a trusted proxy; then the
        nearest address in X-Forwarded-For that is not one of the trusted proxies."""
        if not self.trusted or not self.is_trusted(peer):
            return peer
        hops = [hop.strip() for value in (headers.get_all("X-Forwarded-For") or []) for hop in value.split(",")]
        hops = [hop for hop in hops if hop]
        for hop in reversed(hops):
            address = _address(hop)
            if address is None:
                return peer  # the proxy passed on something that is not an address: trust none of it
            if not any(address in network for network in self.trusted):
                return str(address)
        return peer
