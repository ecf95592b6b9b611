// constants.hpp: the fixed numbers inside the rules, each named, with its reason.
// They are not parameters because no source gives a figure and no lesson varies
// them; docs/model.md states each where its rule is described. A constant that a
// lesson needs to vary becomes a row of sim/params.def instead.
#pragma once

namespace tl::rule {

// Life. A resource shock is half as likely at full resources as at none: the essays'
// "unable, not unwilling" debtors are the poorer ones (003 essay 05), without making
// the rich immune.
constexpr double kShockResourceRelief = 0.5;
// Settlement by those unable to pay scales with resources: 2 x resources makes the
// rate at average resources (about 0.5) equal the parameter.
constexpr double kSettleResourceScale = 2.0;
// Prosocial acts: 2 x prosociality x (0.5 + resources), so the average citizen
// (prosociality 0.5, resources 0.5) acts at the parameter's rate; free time helps.
constexpr double kProsocialScale = 2.0;
constexpr double kProsocialResourceBase = 0.5;
constexpr double kProsocialMaxFactor = 1.5;  // 0.5 + the largest resources (1): the fast path's bound

// Enrolment. Near the benefit line (within 50 points) people have most to gain from
// joining; further below they join at half the rate.
constexpr double kOptInNearLine = 50.0;
constexpr double kOptInFarFactor = 0.5;
// Those receiving benefits leave five times less often.
constexpr double kOptOutWhileBenefited = 0.2;
// Trust scales joining relative to the initial level, floored so that a society that
// starts with almost no trust still has some joiners.
constexpr double kOptInTrustFloor = 0.05;
// The opt-in rate is quoted for a benefit worth 0.002 resources a week and grows
// with the benefit up to twice that rate.
constexpr double kOptInBenefitReference = 0.002;
constexpr double kOptInBenefitCap = 2.0;

// Consequences. A week in detention weighs ten sanction-weeks of the same regime:
// loss of liberty against loss of services (004: "focus personnel" detained).
constexpr double kDetentionHarmFactor = 10.0;
// Harm units per sanctioned week beyond one per agency: public disclosure (names on
// billboards, 001/003) 2, a travel ban 1, credit denial 1.
constexpr double kDisclosureHarm = 2.0;
constexpr double kTravelBanHarm = 1.0;
constexpr double kCreditDenialHarm = 1.0;
// Joint sanctions saturate: the tenth agency adds as much bite as the last that a
// defaulter can feel (expected sanction and compliance reach their cap at 10).
constexpr double kAgenciesAtFullBite = 10.0;
// Public disclosure adds shame: wilful defaulters settle 1.5 times as fast.
constexpr double kDisclosureCompliance = 1.5;
// Agencies are capped at 100: the essays' "about 40" plus room for roll-outs.
constexpr double kMaxAgencies = 100.0;

// Expected sanction under a score: losing points bites less than a list. A judgement
// costing 500 points is full bite; a sanction line makes it 0.6, benefits only 0.3.
constexpr double kScorePointsAtFullBite = 500.0;
constexpr double kScoreBiteWithSanction = 0.6;
constexpr double kScoreBiteBenefitsOnly = 0.3;

// Transparency. Without notice, reasons or published rules people are less sure an
// appeal can win: they file at 70 % of the rate.
constexpr double kOpaqueAppealFactor = 0.7;

// Appeal review. An independent reviewer is 10 points more accurate; accuracy is
// capped at 0.99 (no review is infallible).
constexpr double kIndependenceBonus = 0.1;
constexpr double kMaxReviewAccuracy = 0.99;
// Reversed burden of proof (MiDAS, Robodebt): a wronged appellant with no resources
// is 15 % less likely to be believed than one with full resources.
constexpr double kReversedBurdenPenalty = 0.15;
// Winning an appeal one deserved to lose still restores some trust (half).
constexpr double kUndeservedWinTrustShare = 0.5;
// A rightly sanctioned appellant whose appeal is fairly upheld gains half the trust
// of a fair correction: the procedure itself builds some legitimacy.
constexpr double kFairHearingTrustShare = 0.5;
// Losing an appeal on a wrongful sanction costs half the trust of the wrong itself.
constexpr double kLostAppealTrustShare = 0.5;

}  // namespace tl::rule
