using System.ComponentModel.DataAnnotations;

namespace CcapBot.Features.Matching;

/// <summary>
/// How much each area of consideration counts. Weights add up to 100 so a candidate's score reads as a
/// percentage; set a weight to 0 to ignore a factor.
/// </summary>
public sealed class MatchingOptions : IValidatableObject
{
    public const string SectionName = "Matching";
    public const int TotalWeight = 100;

    [Range(0, TotalWeight)] public int CommonObjectives { get; set; } = 25;
    [Range(0, TotalWeight)] public int TimeFrame { get; set; } = 10;
    [Range(0, TotalWeight)] public int Resources { get; set; } = 10;
    [Range(0, TotalWeight)] public int Transferability { get; set; } = 20;
    [Range(0, TotalWeight)] public int CommunicationPreferences { get; set; } = 5;
    [Range(0, TotalWeight)] public int TimeDifference { get; set; } = 10;
    [Range(0, TotalWeight)] public int Language { get; set; } = 15;
    [Range(0, TotalWeight)] public int Continuity { get; set; } = 5;

    /// <summary>
    /// Staff hours a month a mentor should offer when the learning city did not say what it puts in.
    /// </summary>
    [Range(1, 200)] public int DefaultAskHoursPerMonth { get; set; } = 8;

    public int Weight(MatchFactor factor) => factor switch
    {
        MatchFactor.CommonObjectives => CommonObjectives,
        MatchFactor.TimeFrame => TimeFrame,
        MatchFactor.Resources => Resources,
        MatchFactor.Transferability => Transferability,
        MatchFactor.CommunicationPreferences => CommunicationPreferences,
        MatchFactor.TimeDifference => TimeDifference,
        MatchFactor.Language => Language,
        MatchFactor.Continuity => Continuity,
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, null),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var total = Enum.GetValues<MatchFactor>().Sum(Weight);
        if (total != TotalWeight)
            yield return new ValidationResult($"Matching weights must add up to {TotalWeight}; they add up to {total}.", [SectionName]);
    }
}
