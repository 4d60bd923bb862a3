package org.perfeval.form;

import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

/**
 * DECIMAL columns come back padded to their scale (600.000000); forms show and export what the
 * unit typed (600), so trailing zeros are dropped on the way out of the database.
 */
@MappedTypes(BigDecimal.class)
public class PlainDecimalTypeHandler extends BaseTypeHandler<BigDecimal> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, BigDecimal value, JdbcType type) throws SQLException {
        ps.setBigDecimal(i, value);
    }

    @Override
    public BigDecimal getNullableResult(ResultSet rs, String column) throws SQLException {
        return plain(rs.getBigDecimal(column));
    }

    @Override
    public BigDecimal getNullableResult(ResultSet rs, int index) throws SQLException {
        return plain(rs.getBigDecimal(index));
    }

    @Override
    public BigDecimal getNullableResult(CallableStatement cs, int index) throws SQLException {
        return plain(cs.getBigDecimal(index));
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
