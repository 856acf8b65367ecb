namespace CcapBot.Domain;

/// <summary>
/// A C3 rule a change would break. Features turn these into a clear message in the user's language;
/// the entity is left exactly as it was.
/// </summary>
public enum DomainRule
{
    /// <summary>The partnership (or meeting, suggestion, version) is not in a state that allows this.</summary>
    NotAllowedInStatus,
    CoordinatorOnly,
    /// <summary>The person does not represent a city of this partnership.</summary>
    NotAParticipant,
    /// <summary>One mentor city and at least one other, distinct, learning city.</summary>
    CitiesInvalid,
    PurposeRequired,
    CategoryRequired,
    ReasonRequired,
    CadenceOutOfRange,
    TooFewActivities,
    TooManyActivities,
    ActivityTitleRequired,
    ActivityTextTooLong,
    OwnerNotInPartnership,
    DueDateInPast,
    CompletionBeforeDueDate,
    CompletionInPast,
    ActivityNotFound,
    /// <summary>The action list on the card is no longer the one waiting for agreement.</summary>
    VersionNotCurrent,
    ActivitiesNotDone,
    MeetingInPast,
    MeetingDurationOutOfRange,
    JoinLinkInvalid,
    MeetingNotFound,
    /// <summary>A launch meeting is already scheduled: reschedule it instead.</summary>
    MeetingAlreadyScheduled,
    ProposedTimeRequired,
    TimeZoneUnknown,
    TextTooLong,
    ResultSummaryRequired,
    /// <summary>A results link is not an absolute http(s) address, or there are too many.</summary>
    ResultLinkInvalid,
}

/// <summary>One broken rule; <see cref="ActivityNumber"/> points at the activity (1..n) when the rule is about one.</summary>
public sealed record RuleViolation(DomainRule Rule, int? ActivityNumber = null);

/// <summary>Thrown before anything changes, so a refused request leaves the entity untouched.</summary>
public sealed class DomainRuleException : InvalidOperationException
{
    public DomainRuleException() : this([]) { }

    public DomainRuleException(string message) : base(message) => Violations = [];

    public DomainRuleException(string message, Exception innerException) : base(message, innerException) => Violations = [];

    public DomainRuleException(IReadOnlyList<RuleViolation> violations)
        : base("Refused: " + string.Join(", ", violations.Select(v => v.ActivityNumber is { } n ? $"{v.Rule} (activity {n})" : v.Rule.ToString())))
    {
        Violations = violations;
    }

    public DomainRuleException(DomainRule rule, int? activityNumber = null) : this([new RuleViolation(rule, activityNumber)]) { }

    public IReadOnlyList<RuleViolation> Violations { get; }

    internal static void ThrowIfAny(List<RuleViolation> violations)
    {
        if (violations.Count > 0) throw new DomainRuleException(violations);
    }
}

/// <summary>
/// Who acts on a partnership, as far as the domain needs to know: coordinators act on every partnership,
/// a representative only on partnerships their (active) city belongs to.
/// </summary>
public sealed record PartnershipActor(string Identity, bool IsCoordinator, int? RepresentativeId = null, int? CityId = null)
{
    public static PartnershipActor Coordinator(string identity) => new(identity, IsCoordinator: true);

    public static PartnershipActor ForRepresentative(Representative representative, string identity)
    {
        ArgumentNullException.ThrowIfNull(representative);
        return new(identity, IsCoordinator: false, representative.Id, representative.Active ? representative.CityId : null);
    }
}
