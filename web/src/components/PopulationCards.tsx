import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Population } from '../api/types';
import { formatPercent } from '../lib/format';

const CARDS = [
  { key: 'residents', pick: (p: Population) => p.residents },
  { key: 'under3', pick: (p: Population) => p.childrenUnder3 },
  { key: 'aged60Plus', pick: (p: Population) => p.aged60Plus },
  { key: 'aged80Plus', pick: (p: Population) => p.aged80Plus },
] as const;

/** Residents, children under 3, people aged 60+ and 80+ of one region, with their shares. */
export function PopulationCards({ population }: { population: Population }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      {CARDS.map((card) => {
        const value = card.pick(population);
        return (
          <Col key={card.key} xs={12} lg={6}>
            <Card size="small" data-testid={`stat-${card.key}`}>
              <Statistic
                title={t(`population.card.${card.key}`)}
                value={value}
                groupSeparator=","
                suffix={
                  card.key === 'residents' ? undefined : (
                    <small>{formatPercent(value, population.residents)}</small>
                  )
                }
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
