using System.Text.Json.Serialization;
using CcapBot.Cards;
using CcapBot.Features.Partnering;

namespace CcapBot.Features.Matching;

// Data of cards/match-suggestions.json and cards/pair-cities.json. Nulls are written (the templates read every
// property; the binder drops null properties afterwards).

public sealed record SuggestionCardData
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public string Status { get; init; } = "";
    public string StatusColor { get; init; } = "Default";
    public required IReadOnlyList<CandidateCardData> Candidates { get; init; }
    public string Empty { get; init; } = "";
    public required IReadOnlyList<CardOption> Categories { get; init; }
    public required string ConfirmLabel { get; init; }
    public required string PurposeLabel { get; init; }
    public required string CategoryLabel { get; init; }
    public required string CreateLabel { get; init; }
    public required string RejectLabel { get; init; }
    public required string ReasonLabel { get; init; }
    public required string RejectSendLabel { get; init; }
    public required string PairLabel { get; init; }
    public required string RefreshLabel { get; init; }
    public int Application { get; init; }
}

/// <summary>One mentor candidate: its score, a reason per factor, and (while open) what deciding needs.</summary>
public sealed record CandidateCardData
{
    public required string Heading { get; init; }
    public required string Score { get; init; }
    public string Offer { get; init; } = "";
    public required IReadOnlyList<CardFact> Reasons { get; init; }
    public string Decision { get; init; } = "";
    public string DecisionColor { get; init; } = "Default";
    public bool CanDecide { get; init; }
    public int Suggestion { get; init; }
    public required string PurposeId { get; init; }
    public string Purpose { get; init; } = "";
    public required string CategoryId { get; init; }
    public string Category { get; init; } = "";
    public required string ReasonId { get; init; }
}

public sealed record PairCardData
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public string Error { get; init; } = "";
    public required string MentorLabel { get; init; }
    public required string LearningLabel { get; init; }
    public required string CategoryLabel { get; init; }
    public required string PurposeLabel { get; init; }
    public required string ChooseLabel { get; init; }
    public required IReadOnlyList<CardOption> Cities { get; init; }
    public required IReadOnlyList<CardOption> Categories { get; init; }
    public string? Mentor { get; init; }
    public string? Learning { get; init; }
    public string? Category { get; init; }
    public string? Purpose { get; init; }
    public required string CreateLabel { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SuggestionCardData))]
[JsonSerializable(typeof(PairCardData))]
public sealed partial class MatchingCardsJsonContext : JsonSerializerContext;
