using CcapBot.Domain;

namespace CcapBot.Features.Tracking;

/// <summary>How a status change and a refusal read.</summary>
public static class StatusUpdateText
{
    /// <summary>"In progress → Done · questionnaire sent".</summary>
    public static string Change(TrackingCards cards, string language, ActivityStatus from, ActivityStatus to, string? note)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var change = from == to ? cards.Status(language, to) : $"{cards.Status(language, from)} → {cards.Status(language, to)}";
        return string.IsNullOrWhiteSpace(note) ? change : $"{change} · {note}";
    }

    /// <summary>Why the partnership refused a change, in words.</summary>
    public static string Refusal(TrackingCards cards, string language, DomainRuleException refused)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(refused);
        var rule = refused.Violations.Count > 0 ? refused.Violations[0].Rule : DomainRule.NotAllowedInStatus;
        return rule switch
        {
            DomainRule.NotAParticipant or DomainRule.CoordinatorOnly => cards.Get(language, "Tracking.NotYourPartnership"),
            DomainRule.TextTooLong => cards.Get(language, "Tracking.Refused.TooLong"),
            DomainRule.ActivityNotFound => cards.Get(language, "Tracking.Refused.NotFound"),
            _ => cards.Get(language, "Tracking.Refused.Status"),
        };
    }
}
