using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CcapBot.Features.Tracking;

/// <summary>
/// Binds tracking cards fast when thousands go out in one scheduler tick. A card is bound once per shape (template,
/// channel, which texts are empty, how many items each list has) with numbered markers in place of its texts; the
/// result is kept as literal JSON between the markers, and each later card of that shape is the literal JSON with
/// its own texts, JSON-escaped, in the marked places. The tracking templates decide nothing from a text's value
/// beyond whether it is empty, so the output equals a full binding (a test compares both on every sample).
/// </summary>
internal sealed class CardSkeletons(Func<string, object, bool, JsonElement> bind)
{
    private const string Open = "~~@";
    private const string Close = "@~~";
    private const int MaxShapes = 2048;
    private readonly ConcurrentDictionary<string, Skeleton> _skeletons = new(StringComparer.Ordinal);

    /// <summary>
    /// The card for <paramref name="data"/>: <paramref name="mark"/> returns the data with every text replaced by the
    /// marker the given function makes of it (numbered in order), and the shape key.
    /// </summary>
    public JsonElement Bind<T>(string template, T data, bool universalActions, Func<T, Func<string, string>, (T Marked, string Shape)> mark)
        where T : notnull
    {
        var texts = new List<string>();
        var (marked, shape) = mark(data, text =>
        {
            texts.Add(text);
            return Open + (texts.Count - 1).ToString(CultureInfo.InvariantCulture) + Close;
        });
        var key = $"{template}|{universalActions}|{shape}";
        if (!_skeletons.TryGetValue(key, out var skeleton))
        {
            skeleton = Skeleton.Parse(bind(template, marked, universalActions).GetRawText());
            // Shapes are few (list lengths up to a handful); the bound keeps a pathological caller from growing it forever.
            if (_skeletons.Count < MaxShapes) _skeletons[key] = skeleton;
        }
        return skeleton.Fill(texts);
    }

    private sealed record Skeleton(IReadOnlyList<string> Literals, IReadOnlyList<int> Slots)
    {
        public static Skeleton Parse(string json)
        {
            var literals = new List<string>();
            var slots = new List<int>();
            var at = 0;
            while (true)
            {
                var open = json.IndexOf(Open, at, StringComparison.Ordinal);
                if (open < 0) break;
                var close = json.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
                literals.Add(json[at..open]);
                slots.Add(int.Parse(json.AsSpan(open + Open.Length, close - open - Open.Length), NumberStyles.None, CultureInfo.InvariantCulture));
                at = close + Close.Length;
            }
            literals.Add(json[at..]);
            return new Skeleton(literals, slots);
        }

        public JsonElement Fill(List<string> texts)
        {
            var builder = new StringBuilder(Literals.Sum(l => l.Length) + texts.Sum(t => t.Length) * 2);
            for (var i = 0; i < Slots.Count; i++)
            {
                builder.Append(Literals[i]);
                // Inside a JSON string: escaped, never spliced as JSON, so a text cannot change the card's structure.
                builder.Append(JsonEncodedText.Encode(texts[Slots[i]]).ToString());
            }
            builder.Append(Literals[^1]);
            using var document = JsonDocument.Parse(builder.ToString());
            return document.RootElement.Clone();
        }
    }
}
