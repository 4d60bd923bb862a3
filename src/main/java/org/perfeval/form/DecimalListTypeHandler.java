package org.perfeval.form;

import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** Stores a short list of numbers (quarterly progress) as "12.5,30,60,95". */
public class DecimalListTypeHandler extends BaseTypeHandler<List<BigDecimal>> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<BigDecimal> list, JdbcType type)
            throws SQLException {
        ps.setString(i, list.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(",")));
    }

    @Override
    public List<BigDecimal> getNullableResult(ResultSet rs, String column) throws SQLException {
        return parse(rs.getString(column));
    }

    @Override
    public List<BigDecimal> getNullableResult(ResultSet rs, int index) throws SQLException {
        return parse(rs.getString(index));
    }

    @Override
    public List<BigDecimal> getNullableResult(CallableStatement cs, int index) throws SQLException {
        return parse(cs.getString(index));
    }

    private static List<BigDecimal> parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return Arrays.stream(s.split(",")).map(BigDecimal::new).toList();
    }
}
