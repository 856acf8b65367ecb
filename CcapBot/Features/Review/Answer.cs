using System.Globalization;
using System.Text.Json;
using CcapBot.Conversations.Forms;

namespace CcapBot.Features.Review;

/// <summary>Stored values as form answers in their canonical form (prefill of a form being edited, facts of a review card).</summary>
internal static class Answer
{
    public static void Set(Dictionary<string, JsonElement> answers, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) answers[field] = JsonSerializer.SerializeToElement(value, FormsJsonContext.Default.String);
    }

    public static void Set(Dictionary<string, JsonElement> answers, string field, long? value)
    {
        if (value is { } n) answers[field] = JsonSerializer.SerializeToElement(n, FormsJsonContext.Default.Int64);
    }

    public static void Set(Dictionary<string, JsonElement> answers, string field, bool value) =>
        answers[field] = JsonSerializer.SerializeToElement(value, FormsJsonContext.Default.Boolean);

    public static void Set(Dictionary<string, JsonElement> answers, string field, IEnumerable<string> values)
    {
        List<string> list = [.. values.Where(v => !string.IsNullOrWhiteSpace(v))];
        if (list.Count > 0) answers[field] = JsonSerializer.SerializeToElement(list, FormsJsonContext.Default.ListString);
    }

    public static void SetMonth(Dictionary<string, JsonElement> answers, string field, DateOnly month) =>
        Set(answers, field, month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
}
