using System.Globalization;
using System.Text.Json;

namespace CcapBot.Features.Partnering;

/// <summary>
/// Values of a card submit (Action.Execute data or Action.Submit value): action data and inputs alike. Inputs
/// arrive as strings; numbers may arrive as JSON numbers from action data.
/// </summary>
public readonly record struct CardInputs(JsonElement Data)
{
    public static CardInputs Of(JsonElement? data) => new(data is { ValueKind: JsonValueKind.Object } d ? d : default);

    public string? Text(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString() is { } s && s.Trim().Length > 0 ? s.Trim() : null,
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    public int? Number(string name) =>
        Text(name) is { } s && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public DateOnly? Date(string name) =>
        Text(name) is { } s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Input.Time sends "HH:mm" (some clients add seconds).</summary>
    public TimeOnly? Time(string name) =>
        Text(name) is { } s && TimeOnly.TryParseExact(s, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>Input.Toggle sends "true"/"false"; an absent toggle counts as <paramref name="absent"/>.</summary>
    public bool Flag(string name, bool absent) => Text(name) is { } s ? s == "true" : absent;

    /// <summary>A string list in the action data (e.g. the editor's row descriptions).</summary>
    public IReadOnlyList<string> List(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : "")]
            : [];
}
