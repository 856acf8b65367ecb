namespace CcapBot.Domain;

/// <summary>
/// A C3 partnership: one mentor city and one or more learning cities working on one area, from launch
/// meeting to agreed action list to completion. It is the aggregate root for its cities, launch meetings,
/// action-list versions and activities: every change goes through a method here, which checks the rules
/// first (throwing <see cref="DomainRuleException"/> with nothing changed) and bumps <see cref="Version"/>,
/// the optimistic concurrency token, so two people changing one partnership at once cannot both win.
/// Load the whole aggregate (cities, meetings with RSVPs, action lists with items and agreements,
/// activities) before calling a method.
/// </summary>
public sealed partial class Partnership
{
    public const int DefaultCheckInCadenceDays = 14;
    public const int MinCheckInCadenceDays = 1;
    public const int MaxCheckInCadenceDays = 90;
    public const int MaxPurposeLength = 1000;
    public const int MaxReasonLength = 2000;

    private readonly List<PartnershipCity> _cities = [];
    private readonly List<LaunchMeeting> _launchMeetings = [];
    private readonly List<ActionListVersion> _actionLists = [];
    private readonly List<PartnershipActivity> _activities = [];

    private Partnership() { }

    public int Id { get; private set; }
    public string Purpose { get; private set; } = "";
    /// <summary><see cref="ActionCategory.Code"/>.</summary>
    public string CategoryCode { get; private set; } = "";
    public PartnershipStatus Status { get; private set; }
    /// <summary>The agreed completion date: set by the agreed action list.</summary>
    public DateOnly? CompletionDate { get; private set; }
    public int CheckInCadenceDays { get; private set; } = DefaultCheckInCadenceDays;
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Why a coordinator closed or cancelled it.</summary>
    public string? EndReason { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<PartnershipCity> Cities => _cities;
    public IReadOnlyList<LaunchMeeting> LaunchMeetings => _launchMeetings;
    public IReadOnlyList<ActionListVersion> ActionLists => _actionLists;
    /// <summary>Every activity ever agreed, including removed ones (history); see <see cref="LiveActivities"/>.</summary>
    public IReadOnlyList<PartnershipActivity> Activities => _activities;

    public int MentorCityId => _cities.Single(c => c.Role == PartnershipRole.Mentor).CityId;
    public IEnumerable<int> LearningCityIds => _cities.Where(c => c.Role == PartnershipRole.Learning).Select(c => c.CityId);
    public bool Includes(int cityId) => _cities.Any(c => c.CityId == cityId);

    /// <summary>Closed and cancelled partnerships take no more changes; completed ones may still be extended.</summary>
    public bool IsEnded => Status is PartnershipStatus.Closed or PartnershipStatus.Cancelled;

    /// <summary>A coordinator pairs cities (by hand or from a suggestion); <see cref="Confirm"/> makes it official.</summary>
    public static Partnership Propose(
        string purpose, string categoryCode, PartnershipMember mentor, IReadOnlyList<PartnershipMember> learning,
        PartnershipActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        ArgumentNullException.ThrowIfNull(learning);
        ArgumentNullException.ThrowIfNull(actor);

        var violations = new List<RuleViolation>();
        if (!actor.IsCoordinator) violations.Add(new(DomainRule.CoordinatorOnly));
        if (string.IsNullOrWhiteSpace(purpose)) violations.Add(new(DomainRule.PurposeRequired));
        else if (purpose.Trim().Length > MaxPurposeLength) violations.Add(new(DomainRule.TextTooLong));
        if (string.IsNullOrWhiteSpace(categoryCode)) violations.Add(new(DomainRule.CategoryRequired));
        var cityIds = learning.Select(l => l.CityId).Append(mentor.CityId).ToList();
        if (learning.Count == 0 || cityIds.Distinct().Count() != cityIds.Count) violations.Add(new(DomainRule.CitiesInvalid));
        DomainRuleException.ThrowIfAny(violations);

        var partnership = new Partnership
        {
            Purpose = purpose.Trim(),
            CategoryCode = categoryCode.Trim(),
            Status = PartnershipStatus.Proposed,
            CreatedBy = actor.Identity,
            CreatedAt = now,
            UpdatedAt = now,
        };
        partnership._cities.Add(new PartnershipCity(mentor.CityId, PartnershipRole.Mentor, mentor.ApplicationId));
        foreach (var l in learning) partnership._cities.Add(new PartnershipCity(l.CityId, PartnershipRole.Learning, l.ApplicationId));
        return partnership;
    }

    public void Confirm(PartnershipActor actor, DateTimeOffset now)
    {
        RequireCoordinator(actor);
        RequireStatus(PartnershipStatus.Proposed);
        Status = PartnershipStatus.Confirmed;
        ConfirmedAt = now;
        Touch(now);
    }

    public void SetCheckInCadence(PartnershipActor actor, int days, DateTimeOffset now)
    {
        RequireCoordinatorOrParticipant(actor);
        if (IsEnded) throw new DomainRuleException(DomainRule.NotAllowedInStatus);
        if (days is < MinCheckInCadenceDays or > MaxCheckInCadenceDays) throw new DomainRuleException(DomainRule.CadenceOutOfRange);
        if (days == CheckInCadenceDays) return;
        CheckInCadenceDays = days;
        Touch(now);
    }

    /// <summary>Every live activity is done: the cities move on to results.</summary>
    public void Complete(PartnershipActor actor, DateTimeOffset now)
    {
        RequireCoordinatorOrParticipant(actor);
        RequireStatus(PartnershipStatus.Active);
        if (!AllActivitiesDone) throw new DomainRuleException(DomainRule.ActivitiesNotDone);
        Status = PartnershipStatus.Completed;
        EndedAt = now;
        Touch(now);
    }

    /// <summary>A coordinator ends an active or completed partnership (finished, or stopped early).</summary>
    public void Close(PartnershipActor actor, string? reason, DateTimeOffset now)
    {
        RequireCoordinator(actor);
        RequireStatus(PartnershipStatus.Active, PartnershipStatus.Completed);
        if (reason is { Length: > MaxReasonLength }) throw new DomainRuleException(DomainRule.TextTooLong);
        Status = PartnershipStatus.Closed;
        EndedAt ??= now;
        EndReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Touch(now);
    }

    /// <summary>A coordinator calls it off before it is done; an open launch meeting is cancelled with it.</summary>
    public void Cancel(PartnershipActor actor, string reason, DateTimeOffset now)
    {
        RequireCoordinator(actor);
        RequireStatus(PartnershipStatus.Proposed, PartnershipStatus.Confirmed, PartnershipStatus.LaunchScheduled,
            PartnershipStatus.ActionListProposed, PartnershipStatus.Active);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException(DomainRule.ReasonRequired);
        if (reason.Trim().Length > MaxReasonLength) throw new DomainRuleException(DomainRule.TextTooLong);
        OpenLaunchMeeting?.Cancel(now);
        Status = PartnershipStatus.Cancelled;
        EndedAt = now;
        EndReason = reason.Trim();
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static void RequireCoordinator(PartnershipActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCoordinator) throw new DomainRuleException(DomainRule.CoordinatorOnly);
    }

    private void RequireCoordinatorOrParticipant(PartnershipActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCoordinator && !IsParticipant(actor)) throw new DomainRuleException(DomainRule.NotAParticipant);
    }

    /// <summary>A representative of an active city of this partnership (coordinators are not participants as such).</summary>
    private bool IsParticipant(PartnershipActor actor) =>
        actor.RepresentativeId is not null && actor.CityId is { } cityId && Includes(cityId);

    private void RequireStatus(params ReadOnlySpan<PartnershipStatus> allowed)
    {
        if (!allowed.Contains(Status)) throw new DomainRuleException(DomainRule.NotAllowedInStatus);
    }
}

public enum PartnershipStatus
{
    Proposed,
    Confirmed,
    LaunchScheduled,
    ActionListProposed,
    Active,
    Completed,
    Closed,
    Cancelled,
}

public enum PartnershipRole
{
    Mentor,
    Learning,
}

/// <summary>A city joining a partnership, with the application (learning request or mentor offer) it came from, if any.</summary>
public sealed record PartnershipMember(int CityId, int? ApplicationId = null);

public sealed class PartnershipCity
{
    private PartnershipCity() { }

    internal PartnershipCity(int cityId, PartnershipRole role, int? applicationId)
    {
        CityId = cityId;
        Role = role;
        ApplicationId = applicationId;
    }

    public int PartnershipId { get; private set; }
    public int CityId { get; private set; }
    public City? City { get; private set; }
    public PartnershipRole Role { get; private set; }
    /// <summary>The source application: the learning request or the mentor offer.</summary>
    public int? ApplicationId { get; private set; }
}
