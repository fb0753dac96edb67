using Collab.Copilot.Assistant.Languages;

namespace Collab.Copilot.Assistant.Tests.Routing;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("How do I request a GPU for my job?", AnswerLanguage.English)]
    [InlineData("Kako mogu zatražiti GPU za svoj posao?", AnswerLanguage.Croatian)]
    [InlineData("Jak mohu požádat o GPU pro svou úlohu?", AnswerLanguage.Czech)]
    [InlineData("Com puc demanar una GPU per a la meva feina?", AnswerLanguage.Catalan)]
    [InlineData("Come posso richiedere una GPU per il mio lavoro?", AnswerLanguage.Italian)]
    [InlineData("Wie kann ich eine GPU für meinen Job anfordern?", AnswerLanguage.German)]
    [InlineData("GPU quota?", AnswerLanguage.English)]
    // Short asks: a letter only one language has, clitic pronouns, an elided pronoun; a one-word question under an error line.
    [InlineData("perché è così lento?", AnswerLanguage.Italian)]
    [InlineData("mi spieghi?", AnswerLanguage.Italian)]
    [InlineData("kannst du das prüfen?", AnswerLanguage.German)]
    [InlineData("m'ho revises?", AnswerLanguage.Catalan)]
    [InlineData("Killed: container exceeded its memory limit\nzašto?", AnswerLanguage.Croatian)]
    // A one-word reply; negation written into a Czech verb; an acronym declined behind a hyphen; an error line and the asker's words split at a dash or before a quoted exception.
    [InlineData("nenastartuje", AnswerLanguage.Czech)]
    [InlineData("zase nereaguje", AnswerLanguage.Czech)]
    [InlineData("i s dva PVC-a?", AnswerLanguage.Croatian)]
    [InlineData("Error: CrashLoopBackOff — ma non capisco perché", AnswerLanguage.Italian)]
    [InlineData("el job s'atura amb torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 4 GiB", AnswerLanguage.Catalan)]
    public void Detects(string text, AnswerLanguage expected) => Assert.Equal(expected, LanguageDetector.Detect(text));
}
