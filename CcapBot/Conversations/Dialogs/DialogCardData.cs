using System.Text.Json.Serialization;

namespace CcapBot.Conversations.Dialogs;

// Data of the engine's cards (cards/form-prompt.json, form.json, form-summary.json, dialog-question.json,
// help.json). Nulls are written (the templates read them; the binder drops null properties afterwards).

public sealed record CardChoice(string Title, string Value);

public sealed record PromptCardData
{
    public required string Title { get; init; }
    public required string Question { get; init; }
    public string Current { get; init; } = "";
    public string Error { get; init; } = "";
    public string Help { get; init; } = "";
    public string Answered { get; init; } = "";
    public bool Multi { get; init; }
    public IReadOnlyList<CardChoice> Choices { get; init; } = [];
    public string? Selected { get; init; }
    public bool AllowOther { get; init; }
    public string OtherLabel { get; init; } = "";
    public string? OtherValue { get; init; }
    public string DoneLabel { get; init; } = "";
    public IReadOnlyList<CardChoice> Options { get; init; } = [];
    public bool CanSkip { get; init; }
    public string SkipLabel { get; init; } = "";
    public bool CanGoBack { get; init; }
    public string BackLabel { get; init; } = "";
    public required string FormLabel { get; init; }
    public required string CancelLabel { get; init; }
    public required string Instance { get; init; }
    public int Step { get; init; }
    public required string Field { get; init; }
}

public sealed record FormCardData
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public string Error { get; init; } = "";
    public required IReadOnlyList<FormFieldData> Fields { get; init; }
    public required string SubmitLabel { get; init; }
    public required string ChatLabel { get; init; }
    public required string CancelLabel { get; init; }
    public required string Instance { get; init; }
    public int Step { get; init; }
}

/// <summary>One input of the form card; <see cref="Kind"/> picks the Adaptive Card input (text, number, date, time, choice).</summary>
public sealed record FormFieldData
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Label { get; init; }
    public bool IsRequired { get; init; }
    public required string ErrorMessage { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public long? Number { get; init; }
    public int? MaxLength { get; init; }
    public bool Multiline { get; init; }
    public string? Style { get; init; }
    public string? Regex { get; init; }
    public long? Min { get; init; }
    public long? Max { get; init; }
    public bool MultiSelect { get; init; }
    public IReadOnlyList<CardChoice> Choices { get; init; } = [];
    public bool HasOther { get; init; }
    public string? OtherId { get; init; }
    public string? OtherLabel { get; init; }
    public string? OtherValue { get; init; }
    public string Error { get; init; } = "";
}

public sealed record SummaryCardData
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required IReadOnlyList<SummaryRow> Rows { get; init; }
    public string Status { get; init; } = "";
    public string StatusColor { get; init; } = "Default";
    public bool Open { get; init; }
    public required string ConfirmLabel { get; init; }
    public required string CancelLabel { get; init; }
    public required string EditLabel { get; init; }
    public required string Instance { get; init; }
    public int Step { get; init; }
}

public sealed record SummaryRow(string Label, string Value, string Field);

public sealed record QuestionCardData
{
    public required string Question { get; init; }
    public string Detail { get; init; } = "";
    public string Answered { get; init; } = "";
    public required IReadOnlyList<QuestionOption> Options { get; init; }
    public required string Instance { get; init; }
    public int Step { get; init; }
}

public sealed record QuestionOption(string Title, string Answer);

public sealed record HelpCardData
{
    public required string Title { get; init; }
    public string Intro { get; init; } = "";
    public required IReadOnlyList<HelpCommand> Commands { get; init; }
    public string Tips { get; init; } = "";
    public IReadOnlyList<HelpButton> Buttons { get; init; } = [];
}

public sealed record HelpCommand(string Title, string Description, string Example);

public sealed record HelpButton(string Title, string Command);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PromptCardData))]
[JsonSerializable(typeof(FormCardData))]
[JsonSerializable(typeof(SummaryCardData))]
[JsonSerializable(typeof(QuestionCardData))]
[JsonSerializable(typeof(HelpCardData))]
public sealed partial class DialogCardsJsonContext : JsonSerializerContext;
