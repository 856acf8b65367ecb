namespace CcapBot.Domain;

public sealed partial class Partnership
{
    /// <summary>The action list everyone agreed to (the one being implemented), if any.</summary>
    public ActionListVersion? CurrentActionList => _actionLists.SingleOrDefault(v => v.Status == ActionListStatus.Agreed);

    /// <summary>The proposal waiting for agreement, if any.</summary>
    public ActionListVersion? PendingActionList => _actionLists.SingleOrDefault(v => v.Status == ActionListStatus.Proposed);

    public ActionListVersion? FindActionList(int number) => _actionLists.SingleOrDefault(v => v.Number == number);

    /// <summary>The activities being implemented, by their number in the agreed list.</summary>
    public IEnumerable<PartnershipActivity> LiveActivities => _activities.Where(a => a.RemovedAt is null).OrderBy(a => a.Number);

    public PartnershipActivity? FindActivity(int number) => LiveActivities.SingleOrDefault(a => a.Number == number);

    public bool AllActivitiesDone => LiveActivities.Any() && LiveActivities.All(a => a.Status == ActivityStatus.Done);

    /// <summary>
    /// Every rule an action list must keep: 4 to 8 activities, each with a title and an owner city of this
    /// partnership; due dates not in the past (unless an agreed activity keeps its date, or is done);
    /// a completion date not in the past and not before the last due date; and built on the list that is
    /// currently agreed, so a stale card cannot overwrite a newer agreement.
    /// </summary>
    public IReadOnlyList<RuleViolation> Check(ActionListDraft draft, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var violations = new List<RuleViolation>();
        if (draft.BasedOnVersion != CurrentActionList?.Number) violations.Add(new(DomainRule.VersionNotCurrent));
        if (draft.Activities.Count < ActionListRules.MinActivities) violations.Add(new(DomainRule.TooFewActivities));
        if (draft.Activities.Count > ActionListRules.MaxActivities) violations.Add(new(DomainRule.TooManyActivities));

        var revised = new HashSet<int>();
        for (var i = 0; i < draft.Activities.Count; i++)
        {
            var number = i + 1;
            var item = draft.Activities[i];
            if (string.IsNullOrWhiteSpace(item.Title)) violations.Add(new(DomainRule.ActivityTitleRequired, number));
            if (item.Title?.Trim().Length > ActionListItem.MaxTitleLength || item.Description?.Trim().Length > ActionListItem.MaxDescriptionLength)
                violations.Add(new(DomainRule.ActivityTextTooLong, number));
            if (!Includes(item.OwnerCityId)) violations.Add(new(DomainRule.OwnerNotInPartnership, number));

            PartnershipActivity? live = null;
            if (item.RevisesNumber is { } revises)
            {
                live = FindActivity(revises);
                if (live is null || !revised.Add(revises)) violations.Add(new(DomainRule.ActivityNotFound, number));
            }
            // An agreed activity that keeps its due date (or is already done) may lie in the past.
            var dateUnchanged = live is not null && (live.DueDate == item.DueDate || live.Status == ActivityStatus.Done);
            if (item.DueDate < today && !dateUnchanged) violations.Add(new(DomainRule.DueDateInPast, number));
        }

        if (draft.CompletionDate < today) violations.Add(new(DomainRule.CompletionInPast));
        if (draft.Activities.Count > 0 && draft.CompletionDate < draft.Activities.Max(a => a.DueDate))
            violations.Add(new(DomainRule.CompletionBeforeDueDate));
        return violations;
    }

    /// <summary>
    /// The coordinator or a city proposes an action list (the first one, or a change to the agreed one).
    /// It replaces any proposal still waiting; the agreed list stays in force until every city agrees to
    /// the new one.
    /// </summary>
    public ActionListVersion ProposeActionList(PartnershipActor actor, ActionListDraft draft, DateOnly today, DateTimeOffset now)
    {
        RequireCoordinatorOrParticipant(actor);
        RequireStatus(PartnershipStatus.Confirmed, PartnershipStatus.LaunchScheduled, PartnershipStatus.ActionListProposed,
            PartnershipStatus.Active, PartnershipStatus.Completed);
        DomainRuleException.ThrowIfAny([.. Check(draft, today)]);

        PendingActionList?.Supersede(now);
        var version = new ActionListVersion(
            _actionLists.Count + 1, actor.Identity, actor.IsCoordinator ? null : actor.CityId, draft.CompletionDate, now);
        for (var i = 0; i < draft.Activities.Count; i++)
        {
            var item = draft.Activities[i];
            version.AddItem(new ActionListItem(i + 1, item, item.RevisesNumber is { } n ? FindActivity(n) : null));
        }
        _actionLists.Add(version);
        if (Status is PartnershipStatus.Confirmed or PartnershipStatus.LaunchScheduled) Status = PartnershipStatus.ActionListProposed;
        Touch(now);
        return version;
    }

    /// <summary>
    /// A representative agrees to the waiting proposal for their city. When every city of the partnership
    /// has agreed, the proposal becomes the agreed list, its activities become the live ones and the
    /// partnership is active. Returns true when this agreement completed it; agreeing twice changes nothing.
    /// </summary>
    public bool AgreeActionList(PartnershipActor actor, int versionNumber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Agreement is a city's: coordinators propose, but only a representative agrees for their city.
        if (actor is not { RepresentativeId: { } representativeId, CityId: { } cityId } || !Includes(cityId))
            throw new DomainRuleException(DomainRule.NotAParticipant);
        if (IsEnded) throw new DomainRuleException(DomainRule.NotAllowedInStatus);
        var version = PendingActionList;
        if (version is null || version.Number != versionNumber) throw new DomainRuleException(DomainRule.VersionNotCurrent);

        if (version.IsAgreedBy(cityId)) return false;
        version.AddAgreement(new ActionListAgreement(cityId, representativeId, actor.Identity, now));

        if (_cities.All(c => version.IsAgreedBy(c.CityId)))
        {
            CurrentActionList?.Supersede(now);
            version.MarkAgreed(now);
            ApplyAgreed(version, now);
            CompletionDate = version.CompletionDate;
            if (Status is PartnershipStatus.ActionListProposed or PartnershipStatus.Completed)
            {
                Status = PartnershipStatus.Active;
                ActivatedAt ??= now;
                EndedAt = null;
            }
        }
        Touch(now);
        return version.Status == ActionListStatus.Agreed;
    }

    /// <summary>
    /// A status change and/or note on a live activity by someone of this partnership (or a coordinator),
    /// kept in the activity's history. Returns null when it would change nothing.
    /// </summary>
    public ActivityUpdate? UpdateActivity(PartnershipActor actor, int activityNumber, ActivityStatus status, string? note, string channel, DateTimeOffset now)
    {
        RequireCoordinatorOrParticipant(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        RequireStatus(PartnershipStatus.Active);
        var activity = FindActivity(activityNumber) ?? throw new DomainRuleException(DomainRule.ActivityNotFound, activityNumber);
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > PartnershipActivity.MaxNoteLength }) throw new DomainRuleException(DomainRule.TextTooLong, activityNumber);
        if (activity.Status == status && trimmed is null) return null;

        var update = activity.Record(status, trimmed, actor, channel, now);
        Touch(now);
        return update;
    }

    private void ApplyAgreed(ActionListVersion version, DateTimeOffset now)
    {
        var kept = new HashSet<PartnershipActivity>();
        foreach (var item in version.Items.OrderBy(i => i.Number))
        {
            if (item.Revises is { } live)
            {
                live.Revise(item, now);
                kept.Add(live);
            }
            else
            {
                var created = new PartnershipActivity(item, now);
                _activities.Add(created);
                kept.Add(created);
            }
        }
        // Activities left out of the new list stay, marked removed, so their history survives.
        foreach (var dropped in _activities.Where(a => a.RemovedAt is null && !kept.Contains(a))) dropped.Remove(now);
    }
}

/// <summary>
/// An action list as proposed: the activities in order (numbered 1..n), and the completion date.
/// <see cref="BasedOnVersion"/> is the agreed version the proposal changes (null for the first list).
/// </summary>
public sealed record ActionListDraft(IReadOnlyList<ActivityDraft> Activities, DateOnly CompletionDate, int? BasedOnVersion = null);

/// <summary>
/// One proposed activity. <see cref="RevisesNumber"/> names the agreed activity it changes (its current
/// number), so the activity keeps its status and history; null for a new activity.
/// </summary>
public sealed record ActivityDraft(
    string Title, string? Description, int OwnerCityId, DateOnly DueDate, int? TemplateActivityId = null, int? RevisesNumber = null);

public enum ActionListStatus
{
    Proposed,
    Agreed,
    Superseded,
}

/// <summary>One proposal of a partnership's action list; versions are never edited after the fact, only superseded.</summary>
public sealed class ActionListVersion
{
    private readonly List<ActionListItem> _items = [];
    private readonly List<ActionListAgreement> _agreements = [];

    private ActionListVersion() { }

    internal ActionListVersion(int number, string proposedBy, int? proposedByCityId, DateOnly completionDate, DateTimeOffset now)
    {
        Number = number;
        ProposedBy = proposedBy;
        ProposedByCityId = proposedByCityId;
        CompletionDate = completionDate;
        ProposedAt = now;
        Status = ActionListStatus.Proposed;
    }

    public int Id { get; private set; }
    public int PartnershipId { get; private set; }
    /// <summary>1, 2, … within the partnership.</summary>
    public int Number { get; private set; }
    /// <summary>Channel identity of the proposer.</summary>
    public string ProposedBy { get; private set; } = "";
    /// <summary>The city that proposed it; null when a coordinator did.</summary>
    public int? ProposedByCityId { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public DateOnly CompletionDate { get; private set; }
    public ActionListStatus Status { get; private set; }
    public DateTimeOffset? AgreedAt { get; private set; }
    public DateTimeOffset? SupersededAt { get; private set; }

    public IReadOnlyList<ActionListItem> Items => _items;
    public IReadOnlyList<ActionListAgreement> Agreements => _agreements;

    public bool IsAgreedBy(int cityId) => _agreements.Any(a => a.CityId == cityId);

    internal void AddItem(ActionListItem item) => _items.Add(item);

    internal void AddAgreement(ActionListAgreement agreement) => _agreements.Add(agreement);

    internal void MarkAgreed(DateTimeOffset now)
    {
        Status = ActionListStatus.Agreed;
        AgreedAt = now;
    }

    internal void Supersede(DateTimeOffset now)
    {
        Status = ActionListStatus.Superseded;
        SupersededAt = now;
    }
}

public sealed class ActionListItem
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 1000;

    private ActionListItem() { }

    internal ActionListItem(int number, ActivityDraft draft, PartnershipActivity? revises)
    {
        Number = number;
        Title = draft.Title.Trim();
        Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        OwnerCityId = draft.OwnerCityId;
        DueDate = draft.DueDate;
        TemplateActivityId = draft.TemplateActivityId;
        Revises = revises;
    }

    public int Id { get; private set; }
    public int VersionId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public int OwnerCityId { get; private set; }
    public DateOnly DueDate { get; private set; }
    /// <summary>The reviewed template activity it came from, if any.</summary>
    public int? TemplateActivityId { get; private set; }
    /// <summary>The agreed activity this item changes; null for a new one.</summary>
    public int? RevisesActivityId { get; private set; }
    public PartnershipActivity? Revises { get; private set; }
}

/// <summary>One city's agreement to one version.</summary>
public sealed class ActionListAgreement
{
    private ActionListAgreement() { }

    internal ActionListAgreement(int cityId, int representativeId, string agreedBy, DateTimeOffset now)
    {
        CityId = cityId;
        RepresentativeId = representativeId;
        AgreedBy = agreedBy;
        AgreedAt = now;
    }

    public int Id { get; private set; }
    public int VersionId { get; private set; }
    public int CityId { get; private set; }
    public int RepresentativeId { get; private set; }
    /// <summary>Channel identity of the representative who agreed.</summary>
    public string AgreedBy { get; private set; } = "";
    public DateTimeOffset AgreedAt { get; private set; }
}
