namespace CcapBot.Features.Review;

/// <summary>What a coordinator reviews. The names are part of card data and outbox keys: never rename them.</summary>
public enum ReviewSubject
{
    Registration,
    Application,
}

/// <summary>Verbs of cards/review.json and cards/review-outcome.json; templates use the same strings.</summary>
public static class ReviewVerbs
{
    public const string Approve = "review.approve";
    public const string Return = "review.return";
}
