using System.Text.Json.Serialization;
using CcapBot.Cards;

namespace CcapBot.Features.Review;

// Data of cards/review.json, review-outcome.json and my-status.json. Nulls are written (the templates read them;
// the binder drops null properties afterwards).

/// <summary>The review card a coordinator approves or returns from; <see cref="Open"/> false once decided.</summary>
public sealed record ReviewCardData
{
    public required string Title { get; init; }
    public required string Subtitle { get; init; }
    public required IReadOnlyList<CardFact> Facts { get; init; }
    public bool Open { get; init; }
    public string Status { get; init; } = "";
    public string StatusColor { get; init; } = "Default";
    public string ReasonLabel { get; init; } = "";
    public string ReasonPlaceholder { get; init; } = "";
    public string ReasonError { get; init; } = "";
    public string ApproveLabel { get; init; } = "";
    public string ReturnLabel { get; init; } = "";
    /// <summary><see cref="ReviewItem.Name"/> of the subject.</summary>
    public required string Subject { get; init; }
    public int Id { get; init; }
    public required string Round { get; init; }
}

/// <summary>A button that runs a command (verb dialog.command), with what the command may start from.</summary>
/// <param name="Kind">Application kind to start with ("learning"/"mentor").</param>
/// <param name="Resubmit">The returned application to correct.</param>
public sealed record CommandButton(string Title, string Command, string? Kind = null, int? Resubmit = null);

/// <summary>What the applicant is told about the decision.</summary>
public sealed record OutcomeCardData
{
    public required string Title { get; init; }
    public string Color { get; init; } = "Default";
    public required string Text { get; init; }
    public string Reason { get; init; } = "";
    public string ReasonLabel { get; init; } = "";
    public IReadOnlyList<CommandButton> Buttons { get; init; } = [];
}

/// <summary>"My status": headed sections of label/value rows, and buttons for what to do next.</summary>
public sealed record StatusCardData
{
    public required string Title { get; init; }
    public string Intro { get; init; } = "";
    public required IReadOnlyList<StatusSection> Sections { get; init; }
    public IReadOnlyList<CommandButton> Buttons { get; init; } = [];
}

public sealed record StatusSection(string Heading, IReadOnlyList<CardFact> Rows);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReviewCardData))]
[JsonSerializable(typeof(OutcomeCardData))]
[JsonSerializable(typeof(StatusCardData))]
public sealed partial class ReviewCardsJsonContext : JsonSerializerContext;
