using System.Text.Json;

namespace CcapBot.Conversations.Forms;

/// <summary>
/// A declarative form: ordered fields, each with a type, required or optional, an optional condition and
/// validators. The same definition runs as a conversation (one question per turn) and as one Adaptive Card.
/// Every text the user sees comes from the resources by convention (<see cref="FormText"/>):
/// <c>Form.{form}.Title</c>, <c>Form.{form}.{field}.Label</c>, <c>.Prompt</c>, <c>.Help</c>, and for choices
/// <c>Form.{form}.{field}.{value}</c>.
/// </summary>
public sealed record FormDefinition
{
    public required string Id { get; init; }
    public required IReadOnlyList<FieldDefinition> Fields { get; init; }
    /// <summary>Checks across fields, run before the summary; a failure returns to the named field.</summary>
    public IReadOnlyList<FormRule> Rules { get; init; } = [];

    public FieldDefinition Field(string id) => Fields.FirstOrDefault(f => f.Id == id) ?? throw new KeyNotFoundException($"Form {Id} has no field {id}.");

    public bool IsVisible(FieldDefinition field, FormAnswers answers) => field.ShowIf?.Holds(answers) ?? true;

    public IEnumerable<FieldDefinition> VisibleFields(FormAnswers answers) => Fields.Where(f => IsVisible(f, answers));
}

public enum FieldType
{
    ShortText,
    LongText,
    Email,
    Phone,
    SingleChoice,
    MultiChoice,
    Date,
    Month,
    Time,
    WholeNumber,
    YesNo,
    TimeZone,
    Country,
    Languages,
}

public sealed record FieldDefinition
{
    public required string Id { get; init; }
    public required FieldType Type { get; init; }
    public bool Required { get; init; } = true;
    /// <summary>Text fields: the longest answer accepted.</summary>
    public int? MaxLength { get; init; }
    /// <summary>Whole numbers: the accepted range.</summary>
    public long? Min { get; init; }
    public long? Max { get; init; }
    /// <summary>Choice values (stable ids; titles come from the resources).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
    /// <summary>
    /// Choices that are data rather than resources (e.g. action categories from the database): the options to offer,
    /// with their titles in the user's language, given the answers so far. <see cref="Choices"/> still lists every valid value.
    /// </summary>
    public Func<FieldContext, IReadOnlyList<FieldOption>>? OptionsFrom { get; init; }
    /// <summary>Multi choice: free text besides the listed choices.</summary>
    public bool AllowOther { get; init; }
    /// <summary>Short text: a pattern the answer must match (checked by the card and again by the server).</summary>
    public string? Pattern { get; init; }
    public FieldCondition? ShowIf { get; init; }
    public IReadOnlyList<FieldRule> Rules { get; init; } = [];
    /// <summary>The value offered when nothing was answered yet (e.g. 09:00), in the field's canonical form.</summary>
    public string? Default { get; init; }
    /// <summary>Month fields: the months offered on the card, relative to this month.</summary>
    public int MonthsBack { get; init; } = 12;
    public int MonthsAhead { get; init; } = 36;

    public FieldDefinition Optional() => this with { Required = false };
    public FieldDefinition When(FieldCondition condition) => this with { ShowIf = condition };
    public FieldDefinition Check(FieldRule rule) => this with { Rules = [.. Rules, rule] };
    public FieldDefinition WithDefault(string value) => this with { Default = value };
    public FieldDefinition WithOptions(Func<FieldContext, IReadOnlyList<FieldOption>> options) => this with { OptionsFrom = options };

    public bool IsFreeText => Type is FieldType.ShortText or FieldType.LongText;
}

/// <summary>Field factories: <c>Field.ShortText("name", maxLength: 80).Optional()</c>.</summary>
public static class Field
{
    public static FieldDefinition ShortText(string id, int maxLength = 200, string? pattern = null) => new() { Id = id, Type = FieldType.ShortText, MaxLength = maxLength, Pattern = pattern };
    public static FieldDefinition LongText(string id, int maxLength = 2000) => new() { Id = id, Type = FieldType.LongText, MaxLength = maxLength };
    public static FieldDefinition Email(string id) => new() { Id = id, Type = FieldType.Email, MaxLength = 254 };
    public static FieldDefinition Phone(string id) => new() { Id = id, Type = FieldType.Phone, MaxLength = 30 };
    public static FieldDefinition Choice(string id, params string[] choices) => new() { Id = id, Type = FieldType.SingleChoice, Choices = choices };
    public static FieldDefinition MultiChoice(string id, bool allowOther, params string[] choices) => new() { Id = id, Type = FieldType.MultiChoice, Choices = choices, AllowOther = allowOther, MaxLength = 200 };
    public static FieldDefinition Date(string id) => new() { Id = id, Type = FieldType.Date };
    public static FieldDefinition Month(string id) => new() { Id = id, Type = FieldType.Month };
    public static FieldDefinition Time(string id) => new() { Id = id, Type = FieldType.Time };
    public static FieldDefinition WholeNumber(string id, long min, long max) => new() { Id = id, Type = FieldType.WholeNumber, Min = min, Max = max };
    public static FieldDefinition YesNo(string id) => new() { Id = id, Type = FieldType.YesNo };
    public static FieldDefinition TimeZone(string id) => new() { Id = id, Type = FieldType.TimeZone };
    public static FieldDefinition Country(string id) => new() { Id = id, Type = FieldType.Country };
    public static FieldDefinition Languages(string id) => new() { Id = id, Type = FieldType.Languages };
}

/// <summary>"Show this field only if …", evaluated on the answers so far (chat) or as submitted (card).</summary>
public abstract record FieldCondition
{
    public abstract bool Holds(FormAnswers answers);

    /// <summary>The other field's answer is this value (single choice, yes/no as "true"/"false") or contains it (multi choice).</summary>
    public static FieldCondition Is(string field, string value) => new Equal(field, value);
    public static FieldCondition Answered(string field) => new HasAnswer(field);
    public static FieldCondition Not(FieldCondition condition) => new Negation(condition);

    private sealed record Equal(string Field, string Value) : FieldCondition
    {
        public override bool Holds(FormAnswers answers) => answers.Raw(Field) switch
        {
            { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == Value),
            { ValueKind: JsonValueKind.String } s => s.GetString() == Value,
            { ValueKind: JsonValueKind.True } => Value == "true",
            { ValueKind: JsonValueKind.False } => Value == "false",
            { ValueKind: JsonValueKind.Number } n => n.GetRawText() == Value,
            _ => false,
        };
    }

    private sealed record HasAnswer(string Field) : FieldCondition
    {
        public override bool Holds(FormAnswers answers) => answers.Has(Field);
    }

    private sealed record Negation(FieldCondition Inner) : FieldCondition
    {
        public override bool Holds(FormAnswers answers) => !Inner.Holds(answers);
    }
}

/// <summary>A validator on one field's parsed answer; <see cref="ErrorKey"/> is a resource key (args: none).</summary>
public sealed record FieldRule(Func<JsonElement, FieldCheckContext, bool> IsValid, string ErrorKey);

/// <summary>A validator across fields; on failure the user is sent back to <see cref="Field"/> with the message.</summary>
public sealed record FormRule(Func<FormAnswers, bool> IsValid, string Field, string ErrorKey);

/// <summary>What a validator may need besides the value: the other answers and the user's "today".</summary>
public sealed record FieldCheckContext(FormAnswers Answers, DateOnly Today);

/// <summary>Ready-made validators.</summary>
public static class Rules
{
    public static FieldRule NotInPast(string errorKey = "Field.Error.DateInPast") =>
        new((value, context) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) >= context.Today, errorKey);

    public static FormRule TimeAfter(string laterField, string earlierField, string errorKey) =>
        new(a => a.Time(laterField) is not { } later || a.Time(earlierField) is not { } earlier || later > earlier, laterField, errorKey);
}
