namespace CcapBot.Domain;

public sealed partial class Partnership
{
    /// <summary>The scheduled (or rescheduled) launch meeting; there is at most one.</summary>
    public LaunchMeeting? OpenLaunchMeeting => _launchMeetings.SingleOrDefault(m => m.IsOpen);

    public LaunchMeeting? FindLaunchMeeting(int number) => _launchMeetings.SingleOrDefault(m => m.Number == number);

    /// <summary>A coordinator schedules the launch meeting of a confirmed partnership.</summary>
    public LaunchMeeting ScheduleLaunch(PartnershipActor actor, LaunchMeetingPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        RequireCoordinator(actor);
        RequireStatus(PartnershipStatus.Confirmed, PartnershipStatus.LaunchScheduled);
        if (OpenLaunchMeeting is not null) throw new DomainRuleException(DomainRule.MeetingAlreadyScheduled);
        DomainRuleException.ThrowIfAny(LaunchMeeting.Check(plan, now));

        var meeting = new LaunchMeeting(_launchMeetings.Count + 1, plan, actor.Identity, now);
        _launchMeetings.Add(meeting);
        Status = PartnershipStatus.LaunchScheduled;
        Touch(now);
        return meeting;
    }

    /// <summary>Moves the open meeting; answers given for the old time no longer count (<see cref="LaunchMeeting.Revision"/>).</summary>
    public void RescheduleLaunch(PartnershipActor actor, int meetingNumber, DateTimeOffset startsAt, int durationMinutes, DateTimeOffset now)
    {
        RequireCoordinator(actor);
        var meeting = RequireOpenMeeting(meetingNumber);
        var plan = new LaunchMeetingPlan(startsAt, durationMinutes, meeting.OrganiserTimeZone, meeting.JoinLink, meeting.Agenda);
        DomainRuleException.ThrowIfAny(LaunchMeeting.Check(plan, now));
        meeting.Reschedule(startsAt, durationMinutes, now);
        Touch(now);
    }

    public void CancelLaunch(PartnershipActor actor, int meetingNumber, DateTimeOffset now)
    {
        RequireCoordinator(actor);
        var meeting = RequireOpenMeeting(meetingNumber);
        meeting.Cancel(now);
        // With no meeting left the partnership waits for a new one; once an action list is on the
        // table the meeting no longer decides the status.
        if (Status == PartnershipStatus.LaunchScheduled) Status = PartnershipStatus.Confirmed;
        Touch(now);
    }

    public void MarkLaunchHeld(PartnershipActor actor, int meetingNumber, DateTimeOffset now)
    {
        RequireCoordinator(actor);
        var meeting = RequireOpenMeeting(meetingNumber);
        if (now < meeting.StartsAt) throw new DomainRuleException(DomainRule.NotAllowedInStatus);
        meeting.MarkHeld(now);
        Touch(now);
    }

    /// <summary>
    /// A representative of a city in the partnership answers the invitation; a later answer replaces
    /// their earlier one for the same meeting time.
    /// </summary>
    public MeetingRsvp Respond(PartnershipActor actor, int meetingNumber, RsvpResponse response, DateTimeOffset? proposedStartsAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not { RepresentativeId: { } representativeId, CityId: { } cityId } || !Includes(cityId))
            throw new DomainRuleException(DomainRule.NotAParticipant);
        if (IsEnded) throw new DomainRuleException(DomainRule.NotAllowedInStatus);
        var meeting = RequireOpenMeeting(meetingNumber);
        if (response == RsvpResponse.ProposeTime && (proposedStartsAt is null || proposedStartsAt <= now))
            throw new DomainRuleException(DomainRule.ProposedTimeRequired);

        var rsvp = meeting.Respond(representativeId, cityId, actor.Identity, response, response == RsvpResponse.ProposeTime ? proposedStartsAt : null, now);
        Touch(now);
        return rsvp;
    }

    private LaunchMeeting RequireOpenMeeting(int meetingNumber)
    {
        var meeting = FindLaunchMeeting(meetingNumber) ?? throw new DomainRuleException(DomainRule.MeetingNotFound);
        if (!meeting.IsOpen) throw new DomainRuleException(DomainRule.NotAllowedInStatus);
        return meeting;
    }
}

/// <summary>What a coordinator enters to schedule a launch meeting; the start is one instant, shown to each city in its own zone.</summary>
public sealed record LaunchMeetingPlan(DateTimeOffset StartsAt, int DurationMinutes, string OrganiserTimeZone, string? JoinLink = null, string? Agenda = null);

public enum LaunchMeetingStatus
{
    Scheduled,
    Rescheduled,
    Cancelled,
    Held,
}

public sealed class LaunchMeeting
{
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 8 * 60;
    public const int MaxAgendaLength = 2000;
    public const int MaxJoinLinkLength = 1000;

    private readonly List<MeetingRsvp> _rsvps = [];

    private LaunchMeeting() { }

    internal LaunchMeeting(int number, LaunchMeetingPlan plan, string organisedBy, DateTimeOffset now)
    {
        Number = number;
        StartsAt = plan.StartsAt.ToUniversalTime();
        DurationMinutes = plan.DurationMinutes;
        OrganiserTimeZone = plan.OrganiserTimeZone;
        JoinLink = string.IsNullOrWhiteSpace(plan.JoinLink) ? null : plan.JoinLink.Trim();
        Agenda = string.IsNullOrWhiteSpace(plan.Agenda) ? null : plan.Agenda.Trim();
        OrganisedBy = organisedBy;
        Status = LaunchMeetingStatus.Scheduled;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public int PartnershipId { get; private set; }
    /// <summary>1, 2, … within the partnership: what cards refer to.</summary>
    public int Number { get; private set; }
    /// <summary>UTC.</summary>
    public DateTimeOffset StartsAt { get; private set; }
    public int DurationMinutes { get; private set; }
    public string? JoinLink { get; private set; }
    public string? Agenda { get; private set; }
    /// <summary>IANA zone the coordinator entered the time in.</summary>
    public string OrganiserTimeZone { get; private set; } = "";
    public string OrganisedBy { get; private set; } = "";
    public LaunchMeetingStatus Status { get; private set; }
    /// <summary>Bumped by every reschedule; answers are tied to the revision they were given for.</summary>
    public int Revision { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<MeetingRsvp> Rsvps => _rsvps;

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
    public bool IsOpen => Status is LaunchMeetingStatus.Scheduled or LaunchMeetingStatus.Rescheduled;

    /// <summary>Answers for the current time only.</summary>
    public IEnumerable<MeetingRsvp> CurrentRsvps => _rsvps.Where(r => r.Revision == Revision);

    public RsvpTally Tally()
    {
        var current = CurrentRsvps.ToList();
        return new RsvpTally(
            current.Count(r => r.Response == RsvpResponse.Accept),
            current.Count(r => r.Response == RsvpResponse.Decline),
            current.Count(r => r.Response == RsvpResponse.ProposeTime));
    }

    internal static List<RuleViolation> Check(LaunchMeetingPlan plan, DateTimeOffset now)
    {
        var violations = new List<RuleViolation>();
        if (plan.StartsAt <= now) violations.Add(new(DomainRule.MeetingInPast));
        if (plan.DurationMinutes is < MinDurationMinutes or > MaxDurationMinutes) violations.Add(new(DomainRule.MeetingDurationOutOfRange));
        if (string.IsNullOrWhiteSpace(plan.OrganiserTimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(plan.OrganiserTimeZone, out _))
            violations.Add(new(DomainRule.TimeZoneUnknown));
        if (!string.IsNullOrWhiteSpace(plan.JoinLink) && !IsWebLink(plan.JoinLink.Trim())) violations.Add(new(DomainRule.JoinLinkInvalid));
        if (plan.Agenda is { Length: > MaxAgendaLength }) violations.Add(new(DomainRule.TextTooLong));
        return violations;
    }

    private static bool IsWebLink(string link) =>
        link.Length <= MaxJoinLinkLength
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    internal void Reschedule(DateTimeOffset startsAt, int durationMinutes, DateTimeOffset now)
    {
        StartsAt = startsAt.ToUniversalTime();
        DurationMinutes = durationMinutes;
        Status = LaunchMeetingStatus.Rescheduled;
        Revision++;
        UpdatedAt = now;
    }

    internal void Cancel(DateTimeOffset now)
    {
        Status = LaunchMeetingStatus.Cancelled;
        UpdatedAt = now;
    }

    internal void MarkHeld(DateTimeOffset now)
    {
        Status = LaunchMeetingStatus.Held;
        UpdatedAt = now;
    }

    internal MeetingRsvp Respond(int representativeId, int cityId, string identity, RsvpResponse response, DateTimeOffset? proposedStartsAt, DateTimeOffset now)
    {
        var rsvp = _rsvps.SingleOrDefault(r => r.RepresentativeId == representativeId && r.Revision == Revision);
        if (rsvp is null)
        {
            rsvp = new MeetingRsvp(Revision, representativeId, cityId);
            _rsvps.Add(rsvp);
        }
        rsvp.Set(response, proposedStartsAt?.ToUniversalTime(), identity, now);
        UpdatedAt = now;
        return rsvp;
    }
}

public enum RsvpResponse
{
    Accept,
    Decline,
    ProposeTime,
}

public sealed record RsvpTally(int Accepted, int Declined, int ProposedOtherTime);

/// <summary>One representative's answer to one revision (time) of a launch meeting.</summary>
public sealed class MeetingRsvp
{
    private MeetingRsvp() { }

    internal MeetingRsvp(int revision, int representativeId, int cityId)
    {
        Revision = revision;
        RepresentativeId = representativeId;
        CityId = cityId;
    }

    public int Id { get; private set; }
    public int LaunchMeetingId { get; private set; }
    public int Revision { get; private set; }
    public int RepresentativeId { get; private set; }
    public int CityId { get; private set; }
    public RsvpResponse Response { get; private set; }
    /// <summary>UTC; only for <see cref="RsvpResponse.ProposeTime"/>.</summary>
    public DateTimeOffset? ProposedStartsAt { get; private set; }
    /// <summary>The channel identity that answered.</summary>
    public string RespondedBy { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    internal void Set(RsvpResponse response, DateTimeOffset? proposedStartsAt, string respondedBy, DateTimeOffset now)
    {
        Response = response;
        ProposedStartsAt = proposedStartsAt;
        RespondedBy = respondedBy;
        At = now;
    }
}
