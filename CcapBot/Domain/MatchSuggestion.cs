namespace CcapBot.Domain;

public enum MatchSuggestionStatus
{
    Suggested,
    Confirmed,
    Rejected,
}

/// <summary>
/// A mentor city proposed for a learning application, with the score and per-factor breakdown it had when
/// suggested. One row per (application, candidate city): re-scoring refreshes a suggestion still open, and a
/// decided one stays decided (a rejected candidate is not suggested again).
/// </summary>
public sealed class MatchSuggestion
{
    public const int MaxReasonLength = 2000;

    private MatchSuggestion() { }

    public int Id { get; private set; }
    public int LearningApplicationId { get; private set; }
    public int CandidateCityId { get; private set; }
    /// <summary>The mentor offer behind the candidate; null for a city willing to mentor without an offer.</summary>
    public int? MentorApplicationId { get; private set; }
    /// <summary>0..100.</summary>
    public double Score { get; private set; }
    /// <summary>1 = best, among the candidates scored together.</summary>
    public int Rank { get; private set; }
    /// <summary>The factor breakdown as JSON (written by the matching feature).</summary>
    public string Breakdown { get; private set; } = "";
    public MatchSuggestionStatus Status { get; private set; }
    public string? Reason { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int? PartnershipId { get; private set; }
    public Partnership? Partnership { get; private set; }

    public static MatchSuggestion Create(
        int learningApplicationId, int candidateCityId, int? mentorApplicationId, double score, int rank, string breakdown, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(breakdown);
        return new MatchSuggestion
        {
            LearningApplicationId = learningApplicationId,
            CandidateCityId = candidateCityId,
            MentorApplicationId = mentorApplicationId,
            Score = score,
            Rank = rank,
            Breakdown = breakdown,
            Status = MatchSuggestionStatus.Suggested,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>New scores for an open suggestion (a new offer, a changed application). Decided ones keep theirs.</summary>
    public bool Refresh(int? mentorApplicationId, double score, int rank, string breakdown, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(breakdown);
        if (Status != MatchSuggestionStatus.Suggested) return false;
        if (MentorApplicationId == mentorApplicationId && Score.Equals(score) && Rank == rank && Breakdown == breakdown) return false;
        MentorApplicationId = mentorApplicationId;
        Score = score;
        Rank = rank;
        Breakdown = breakdown;
        UpdatedAt = now;
        return true;
    }

    /// <summary>A coordinator accepts the candidate; <paramref name="partnership"/> is the partnership this created.</summary>
    public void Confirm(PartnershipActor actor, Partnership partnership, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(partnership);
        if (!actor.IsCoordinator) throw new DomainRuleException(DomainRule.CoordinatorOnly);
        if (Status != MatchSuggestionStatus.Suggested) throw new DomainRuleException(DomainRule.NotAllowedInStatus);
        if (!partnership.Includes(CandidateCityId) || partnership.MentorCityId != CandidateCityId)
            throw new DomainRuleException(DomainRule.CitiesInvalid);
        Status = MatchSuggestionStatus.Confirmed;
        Partnership = partnership;
        DecidedBy = actor.Identity;
        DecidedAt = now;
        UpdatedAt = now;
    }

    public void Reject(PartnershipActor actor, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCoordinator) throw new DomainRuleException(DomainRule.CoordinatorOnly);
        if (Status != MatchSuggestionStatus.Suggested) throw new DomainRuleException(DomainRule.NotAllowedInStatus);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException(DomainRule.ReasonRequired);
        if (reason.Trim().Length > MaxReasonLength) throw new DomainRuleException(DomainRule.TextTooLong);
        Status = MatchSuggestionStatus.Rejected;
        Reason = reason.Trim();
        DecidedBy = actor.Identity;
        DecidedAt = now;
        UpdatedAt = now;
    }
}
