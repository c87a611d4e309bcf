// RFC 2332 5.3.1-5.3.3: the Responder Address extension holds one CIE, the Forward and
// Reverse Transit NHS Record extensions one CIE per NHS crossed. Requests carry them
// empty (length 0) and a responder fills them. IOS's NAT Address extension (type 9,
// non-compulsory) holds one CIE too: the NBMA and protocol address of the peer as the
// sender saw it, holding time 0.
namespace DmvpnLab.Wire.Nhrp;

/// <summary>An extension whose value is a list of Client Information Entries.</summary>
public sealed class NhrpCieListExtension : NhrpExtension
{
    /// <summary>The entries, possibly none.</summary>
    public List<NhrpClientInformationEntry> Entries { get; set; } = [];

    /// <inheritdoc/>
    public override int ValueLength
    {
        get
        {
            int length = 0;
            foreach (var entry in Entries)
            {
                length += entry.Length;
            }

            return length;
        }
    }

    /// <summary>True for the extension types whose value is CIEs.</summary>
    public static bool CarriesCies(NhrpExtensionType type) =>
        type is NhrpExtensionType.ResponderAddress
            or NhrpExtensionType.ForwardTransitNhsRecord
            or NhrpExtensionType.ReverseTransitNhsRecord
            or NhrpExtensionType.CiscoNatAddress;

    /// <summary>A compulsory, empty Responder Address extension as requests carry it.</summary>
    public static NhrpCieListExtension ResponderAddress() =>
        new() { Compulsory = true, Type = NhrpExtensionType.ResponderAddress };

    /// <summary>A compulsory, empty Forward Transit NHS Record extension.</summary>
    public static NhrpCieListExtension ForwardTransitNhsRecord() =>
        new() { Compulsory = true, Type = NhrpExtensionType.ForwardTransitNhsRecord };

    /// <summary>A compulsory, empty Reverse Transit NHS Record extension.</summary>
    public static NhrpCieListExtension ReverseTransitNhsRecord() =>
        new() { Compulsory = true, Type = NhrpExtensionType.ReverseTransitNhsRecord };

    /// <summary>IOS's NAT Address extension holding <paramref name="entry"/>.</summary>
    public static NhrpCieListExtension CiscoNatAddress(NhrpClientInformationEntry entry) =>
        new() { Type = NhrpExtensionType.CiscoNatAddress, Entries = [entry] };

    /// <inheritdoc/>
    protected override void EmitValue(Span<byte> value)
    {
        int offset = 0;
        foreach (var entry in Entries)
        {
            offset += entry.Emit(value[offset..]);
        }
    }
}
