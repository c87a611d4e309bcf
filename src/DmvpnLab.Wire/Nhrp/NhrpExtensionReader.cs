// RFC 2332 5.3: extensions run from ar$extoff to ar$pktsz, each a 4-byte header and a
// value, the End extension last. "If a compulsory extension is not recognized, the
// receiver MUST send an Error Indication with code Unrecognized Extension"; a
// non-compulsory unknown one is carried on unchanged.
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Nhrp;

/// <summary>Reads an extensions area into typed or raw extensions.</summary>
internal readonly struct NhrpExtensionReader(bool nbmaIsIpv4, bool protocolIsIpv4)
{
    /// <summary>
    /// Reads every extension of <paramref name="area"/>, which starts at
    /// <paramref name="areaOffset"/> in the packet. An unknown compulsory extension is kept
    /// (raw) and reported after the whole area has been read.
    /// </summary>
    public bool TryRead(
        ReadOnlySpan<byte> area,
        int areaOffset,
        List<NhrpExtension> extensions,
        out NhrpDropReason reason,
        out int errorOffset)
    {
        int unknownCompulsoryOffset = -1;
        int offset = 0;
        while (offset < area.Length)
        {
            errorOffset = areaOffset + offset;
            var rest = area[offset..];
            if (rest.Length < NhrpExtension.HeaderLength)
            {
                reason = NhrpDropReason.ExtensionOverrun;
                return false;
            }

            ushort typeField = BinaryPrimitives.ReadUInt16BigEndian(rest);
            int valueLength = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
            if (NhrpExtension.HeaderLength + valueLength > rest.Length)
            {
                reason = NhrpDropReason.ExtensionOverrun;
                return false;
            }

            bool compulsory = (typeField & NhrpExtension.CompulsoryBit) != 0;
            var type = (NhrpExtensionType)(typeField & ~NhrpExtension.CompulsoryBit);
            var value = rest.Slice(NhrpExtension.HeaderLength, valueLength);
            if (!TryReadOne(type, compulsory, value, out var extension, out bool known,
                    out reason))
            {
                return false;
            }

            if (compulsory && !known && unknownCompulsoryOffset < 0)
            {
                unknownCompulsoryOffset = errorOffset;
            }

            extensions.Add(extension!);
            offset += NhrpExtension.HeaderLength + valueLength;
            if (type == NhrpExtensionType.End && offset < area.Length)
            {
                errorOffset = areaOffset + offset;
                reason = NhrpDropReason.DataAfterEndExtension;
                return false;
            }
        }

        errorOffset = Math.Max(unknownCompulsoryOffset, 0);
        reason = unknownCompulsoryOffset >= 0
            ? NhrpDropReason.UnknownCompulsoryExtension
            : NhrpDropReason.None;
        return unknownCompulsoryOffset < 0;
    }

    private bool TryReadOne(
        NhrpExtensionType type,
        bool compulsory,
        ReadOnlySpan<byte> value,
        out NhrpExtension? extension,
        out bool known,
        out NhrpDropReason reason)
    {
        reason = NhrpDropReason.None;
        known = true;
        if (NhrpCieListExtension.CarriesCies(type))
        {
            var list = new NhrpCieListExtension { Compulsory = compulsory, Type = type };
            extension = list;
            return NhrpClientInformationEntry.TryParseList(value, nbmaIsIpv4, protocolIsIpv4,
                list.Entries, out reason);
        }

        if (type == NhrpExtensionType.Authentication)
        {
            bool ok = NhrpAuthenticationExtension.TryParseValue(value, compulsory,
                out var authentication);
            extension = authentication;
            reason = ok ? NhrpDropReason.None : NhrpDropReason.ExtensionValueInvalid;
            return ok;
        }

        known = type is NhrpExtensionType.End or NhrpExtensionType.VendorPrivate;
        extension = new NhrpRawExtension
        {
            Compulsory = compulsory,
            Type = type,
            Value = value.ToArray(),
        };
        return true;
    }
}
