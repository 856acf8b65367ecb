using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace CcapBot.Localization;

/// <summary>
/// Every user-facing string, by key, from the embedded <c>Localization/*.{lang}.json</c> resources (one file
/// per area, e.g. <c>Strings.en.json</c>, <c>Registration.vi.json</c>). A key missing in any language, or
/// defined twice, is a defect caught at start-up or by a test, not a run-time fallback.
/// </summary>
public sealed class Localizer
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _strings;

    public Localizer() : this(null)
    {
    }

    /// <summary>The embedded strings plus <paramref name="additions"/> (language → key → text), e.g. forms that exist only in tests.</summary>
    internal Localizer(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? additions)
    {
        _strings = Languages.All.ToFrozenDictionary(l => l, l =>
        {
            var loaded = Load(l);
            return additions?.GetValueOrDefault(l) is { } extra ? loaded.Concat(extra).ToFrozenDictionary(StringComparer.Ordinal) : loaded;
        });
    }

    public IReadOnlyCollection<string> Keys(string language) => _strings[language].Keys;

    public string Get(string language, string key)
    {
        var table = _strings.GetValueOrDefault(language) ?? _strings[Languages.English];
        return table.TryGetValue(key, out var value) ? value
            : _strings[Languages.English].TryGetValue(key, out var english) ? english
            : throw new KeyNotFoundException($"No string '{key}'.");
    }

    public string Format(string language, string key, params object?[] args) =>
        string.Format(CultureInfo.GetCultureInfo(Languages.Culture(language)), Get(language, key), args);

    private static FrozenDictionary<string, string> Load(string language)
    {
        const string Prefix = "CcapBot.Localization.";
        var suffix = $".{language}.json";
        var assembly = typeof(Localizer).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new InvalidOperationException($"No embedded strings for '{language}'.");
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var map = JsonSerializer.Deserialize(stream, LocalizationJsonContext.Default.DictionaryStringString)
                ?? throw new InvalidOperationException($"{name} is empty.");
            foreach (var (key, value) in map)
            {
                if (!merged.TryAdd(key, value)) throw new InvalidOperationException($"String '{key}' is defined twice ({name}).");
            }
        }
        return merged.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class LocalizationJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
