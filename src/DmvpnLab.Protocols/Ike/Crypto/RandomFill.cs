namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// Fills a span with random bytes. The lab passes its seeded source here so a run
/// with the same seed replays the same keys; nothing in the crypto code draws from an
/// ambient generator.
/// </summary>
public delegate void RandomFill(Span<byte> destination);
