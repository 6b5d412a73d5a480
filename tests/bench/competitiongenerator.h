#pragma once

#include "model/competition.h"

#include <memory>

namespace meetdesk {

// Builds large, plausible competitions from a seed: the same sizes and seed give the same
// competition on every machine. Used by the benchmarks and by the round-trip tests.
class CompetitionGenerator
{
public:
    struct Sizes
    {
        int competitors = 3000;
        int events = 150;
        int results = 20000;
        int trials = 40000;
    };

    explicit CompetitionGenerator(quint32 seed = 1)
        : m_seed(seed)
    { }

    // Adds keys Meetdesk does not know at every level, and text with escapes and non-ASCII
    // characters, to exercise everything the writer must keep.
    void setWild(bool wild) { m_wild = wild; }

    std::unique_ptr<Competition> generate(const Sizes &sizes) const;

private:
    quint32 m_seed;
    bool m_wild = false;
};

} // namespace meetdesk
