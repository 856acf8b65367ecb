using System.Text.Json.Serialization;

namespace CcapBot.Features.Matching;

/// <summary>The seed's areas of consideration, in the order cards show them.</summary>
public enum MatchFactor
{
    CommonObjectives,
    TimeFrame,
    Resources,
    Transferability,
    CommunicationPreferences,
    TimeDifference,
    Language,
    Continuity,
}

/// <summary>A ranked candidate: total score 0..100 (one decimal), and every factor with its reason.</summary>
public sealed record MatchResult(MentorCandidate Candidate, int Rank, double Score, IReadOnlyList<FactorScore> Factors);

/// <summary>
/// One factor: its 0..1 value, the configured weight, what it added to the total, and the facts behind it
/// (<see cref="MatchReasonText"/> turns them into a line in the user's language).
/// </summary>
public sealed record FactorScore(MatchFactor Factor, double Value, int Weight, double Contribution, MatchReason Reason);

/// <summary>The facts behind a factor's value: numbers and codes, never sentences.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ObjectivesReason), "objectives")]
[JsonDerivedType(typeof(TimeFrameReason), "timeFrame")]
[JsonDerivedType(typeof(ResourcesReason), "resources")]
[JsonDerivedType(typeof(TransferabilityReason), "transferability")]
[JsonDerivedType(typeof(WaysOfWorkingReason), "waysOfWorking")]
[JsonDerivedType(typeof(TimeDifferenceReason), "timeDifference")]
[JsonDerivedType(typeof(LanguageReason), "language")]
[JsonDerivedType(typeof(ContinuityReason), "continuity")]
public abstract record MatchReason;

/// <summary>
/// Categories both name (codes, in the learning city's order), and the specific actions sought that the
/// mentor names (<see cref="CoveredActions"/> null when it names none, offering its categories whole).
/// </summary>
public sealed record ObjectivesReason(IReadOnlyList<string> SharedCategories, int SoughtCategories, int? CoveredActions, int SoughtActions) : MatchReason;

/// <summary>Months of the learning city's period the mentor's period covers; <see cref="MentorPeriodStated"/> false without an offer.</summary>
public sealed record TimeFrameReason(bool MentorPeriodStated, int OverlapMonths, int SoughtMonths) : MatchReason;

/// <summary>Capacity against current load, and offered staff hours against the ask.</summary>
public sealed record ResourcesReason(int? Capacity, int ActivePartnerships, int? OfferedHoursPerMonth, int AskedHoursPerMonth) : MatchReason
{
    public bool AtCapacity => Capacity is { } capacity && ActivePartnerships >= capacity;
}

/// <summary>What the mentor has finished in the categories sought, or whether it only declares expertise.</summary>
public sealed record TransferabilityReason(int CompletedPartnerships, int CompletedActivities, bool DeclaredExpertise) : MatchReason;

/// <summary>Ways of working both accept (codes); <see cref="MentorStated"/> false without an offer.</summary>
public sealed record WaysOfWorkingReason(bool MentorStated, IReadOnlyList<string> Shared, int Sought) : MatchReason;

/// <summary>
/// Overlap of the two cities' 09:00–17:00 working days, in minutes, over the reference dates of the
/// period (least and most, which differ when daylight saving moves one zone), and how far apart the
/// clocks are. <see cref="ZonesKnown"/> false when a zone id is not a known IANA zone.
/// </summary>
public sealed record TimeDifferenceReason(
    bool ZonesKnown, int MinOverlapMinutes, int MaxOverlapMinutes, int MinOffsetDifferenceMinutes, int MaxOffsetDifferenceMinutes) : MatchReason;

/// <summary>Working languages both cities use (ISO 639-1, in the learning city's order).</summary>
public sealed record LanguageReason(IReadOnlyList<string> Shared) : MatchReason;

/// <summary>People in the mentor city who can carry the partnership.</summary>
public sealed record ContinuityReason(int Contacts) : MatchReason;
