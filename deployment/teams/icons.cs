// Draws the Teams app icons (a leaf on CCAP green; a white leaf outline on transparent) as PNG files,
// deterministically, with no image library: `dotnet run deployment/teams/icons.cs`.
// The PNGs are committed; run this again only to change the drawing.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Text;

var folder = args.Length > 0 ? args[0] : Path.Combine(Directory.GetCurrentDirectory(), "deployment", "teams");
File.WriteAllBytes(Path.Combine(folder, "color.png"), Icons.Color());
File.WriteAllBytes(Path.Combine(folder, "outline.png"), Icons.Outline());
Console.WriteLine($"Wrote color.png (192x192) and outline.png (32x32) to {folder}");

internal static class Icons
{
    private static readonly Rgba Green = new(0x0F, 0x7B, 0x6C, 255);
    private static readonly Rgba White = new(255, 255, 255, 255);

    /// <summary>192×192, full bleed (Teams rounds the corners itself): a white leaf with its vein cut out.</summary>
    public static byte[] Color()
    {
        const int size = 192;
        var leaf = new Leaf(new Vector2(100, 92), Length: 66, HalfWidth: 34);
        return Render(size, p =>
        {
            var inLeaf = leaf.Distance(p) <= 0 || leaf.Stem(p) <= 4.5f;
            var inVein = leaf.Vein(p) <= 3f;
            return inLeaf && !inVein ? White : Green;
        });
    }

    /// <summary>32×32, transparent, white strokes only: the same leaf as an outline.</summary>
    public static byte[] Outline()
    {
        const int size = 32;
        var leaf = new Leaf(new Vector2(16.8f, 15.2f), Length: 11.5f, HalfWidth: 6.2f);
        return Render(size, p =>
        {
            var stroke = MathF.Abs(leaf.Distance(p)) <= 0.9f || leaf.Stem(p) <= 0.9f || leaf.Vein(p) <= 0.7f;
            return stroke ? White : default;
        });
    }

    /// <summary>4×4 supersampling per pixel: smooth edges with no rasteriser.</summary>
    private static byte[] Render(int size, Func<Vector2, Rgba> shade)
    {
        const int samples = 4;
        var pixels = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                float r = 0, g = 0, b = 0, a = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        var c = shade(new Vector2(x + (sx + 0.5f) / samples, y + (sy + 0.5f) / samples));
                        // Premultiplied, so transparent samples do not darken the edge.
                        r += c.R * c.A; g += c.G * c.A; b += c.B * c.A; a += c.A;
                    }
                }
                var i = (y * size + x) * 4;
                pixels[i + 3] = (byte)MathF.Round(a / (samples * samples));
                if (a > 0)
                {
                    pixels[i] = (byte)MathF.Round(r / a);
                    pixels[i + 1] = (byte)MathF.Round(g / a);
                    pixels[i + 2] = (byte)MathF.Round(b / a);
                }
            }
        }
        return Png.Encode(size, size, pixels);
    }
}

internal readonly record struct Rgba(byte R, byte G, byte B, byte A);

/// <summary>
/// A leaf pointing up and to the right: the lens where two discs overlap, with a stem at the base and a
/// central vein. Distances are signed (negative inside) in pixels.
/// </summary>
internal readonly record struct Leaf(Vector2 Centre, float Length, float HalfWidth)
{
    private static readonly Vector2 Axis = Vector2.Normalize(new Vector2(1, -1));
    private static readonly Vector2 Across = new(-Axis.Y, Axis.X);

    // Two circles through both tips whose overlap is HalfWidth thick on each side of the axis.
    private float Offset => (Length * Length - HalfWidth * HalfWidth) / (2 * HalfWidth);
    private float Radius => HalfWidth + Offset;

    private Vector2 Base => Centre - Axis * Length;
    private Vector2 Tip => Centre + Axis * Length;

    public float Distance(Vector2 p) => MathF.Max(
        Vector2.Distance(p, Centre + Across * Offset) - Radius,
        Vector2.Distance(p, Centre - Across * Offset) - Radius);

    public float Vein(Vector2 p) => Segment(p, Base + Axis * (Length * 0.15f), Tip - Axis * (Length * 0.25f));

    public float Stem(Vector2 p) => Segment(p, Base - Axis * (Length * 0.3f), Base + Axis * (Length * 0.1f));

    private static float Segment(Vector2 p, Vector2 a, Vector2 b)
    {
        var ab = b - a;
        var t = Math.Clamp(Vector2.Dot(p - a, ab) / ab.LengthSquared(), 0f, 1f);
        return Vector2.Distance(p, a + ab * t);
    }
}

/// <summary>The smallest valid PNG: 8-bit RGBA, one IDAT, no filtering, no ancillary chunks (so output is byte-stable).</summary>
internal static class Png
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Encode(int width, int height, byte[] rgba)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 6; // colour type: truecolour with alpha
        WriteChunk(output, "IHDR", header);

        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(rgba, y * width * 4, width * 4);
            }
        }
        WriteChunk(output, "IDAT", raw.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
