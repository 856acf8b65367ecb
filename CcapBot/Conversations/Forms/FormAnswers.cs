using System.Globalization;
using System.Text.Json;

namespace CcapBot.Conversations.Forms;

/// <summary>
/// A form's answers in canonical JSON form, by field id: text as string, single choice as its value, multi
/// choice and languages as a list of values (free "other" text last), dates "yyyy-MM-dd", months "yyyy-MM",
/// times "HH:mm", whole numbers as numbers, yes/no as booleans, time zones as IANA ids, countries as ISO codes.
/// </summary>
public sealed class FormAnswers(IReadOnlyDictionary<string, JsonElement> values)
{
    public static FormAnswers Empty { get; } = new(new Dictionary<string, JsonElement>());

    public IReadOnlyDictionary<string, JsonElement> Values { get; } = values;

    public bool Has(string field) => Values.TryGetValue(field, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    public JsonElement? Raw(string field) => Values.TryGetValue(field, out var v) ? v : null;

    public string? Text(string field) => Raw(field) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public long? Number(string field) => Raw(field) is { ValueKind: JsonValueKind.Number } v ? v.GetInt64() : null;

    public bool? YesNo(string field) => Raw(field) is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    public DateOnly? Date(string field) => Text(field) is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public TimeOnly? Time(string field) => Text(field) is { } s ? TimeOnly.ParseExact(s, "HH:mm", CultureInfo.InvariantCulture) : null;

    /// <summary>A month answer as its first day.</summary>
    public DateOnly? Month(string field) => Text(field) is { } s ? DateOnly.ParseExact(s + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public IReadOnlyList<string> List(string field) =>
        Raw(field) is { ValueKind: JsonValueKind.Array } v ? [.. v.EnumerateArray().Select(e => e.GetString() ?? "")] : [];

    /// <summary>A multi choice answer split into the listed choices and the free "other" text.</summary>
    public (IReadOnlyList<string> Choices, string? Other) MultiChoice(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var all = List(field.Id);
        return ([.. all.Where(field.Choices.Contains)], all.FirstOrDefault(v => !field.Choices.Contains(v)));
    }
}
